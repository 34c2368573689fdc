import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamView } from '../../../../shared/contract/streams';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { Column, type ColumnDnd, type ColumnHandle } from './Column';
import { dropPosition } from './columnItems';
import { DeckEmptyState } from './DeckEmptyState';
import { deckCommandFor, isTypingTarget } from './keyboard';

const COLUMN_MIME = 'application/x-leitstand-column';

interface DragState {
  id: string;
  over: string | null;
  side: 'before' | 'after';
}

/**
 * The columns of a workspace side by side, in their order. Owns what spans columns: the
 * keyboard (j/k within the focused column, h/l between columns), drag and drop, and removing.
 */
export function Deck({ workspaceId, onAddColumn }: { workspaceId: string; onAddColumn: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const deck = useAppStore((state) => state.deck);
  const loadDeck = useAppStore((state) => state.loadDeck);
  const removeColumn = useAppStore((state) => state.removeColumn);
  const moveColumn = useAppStore((state) => state.moveColumn);
  const [removing, setRemoving] = useState<StreamView | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);

  useEffect(() => {
    void loadDeck(workspaceId);
  }, [loadDeck, workspaceId]);

  const current = deck.workspaceId === workspaceId;
  const streams = useMemo(() => (current ? deck.streams : []), [current, deck.streams]);

  const deckRef = useRef<HTMLDivElement>(null);
  const handles = useRef(new Map<string, ColumnHandle>());
  const activeColumn = useRef<string | null>(null);
  const latest = useRef({ streams, drag });
  useLayoutEffect(() => {
    latest.current = { streams, drag };
  });

  const register = useCallback((id: string, handle: ColumnHandle | null) => {
    if (handle) handles.current.set(id, handle);
    else handles.current.delete(id);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const deckElement = deckRef.current;
      const target = event.target instanceof Element ? event.target : null;
      if (!deckElement || !target) return;
      // The deck's keys work in the deck, and where nothing in particular has the focus.
      if (!deckElement.contains(target) && target !== document.body && target !== document.documentElement) return;
      const command = deckCommandFor(event, target.matches('article[data-item-id]'));
      if (!command) return;
      const ids = latest.current.streams.map((stream) => stream.id);
      if (ids.length === 0) return;
      const here = target.closest('[data-column-id]')?.getAttribute('data-column-id') ?? activeColumn.current;
      const hereIndex = here ? ids.indexOf(here) : -1;
      event.preventDefault();
      if (command === 'columnLeft' || command === 'columnRight') {
        const step = command === 'columnLeft' ? -1 : 1;
        const nextIndex = hereIndex < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, hereIndex + step));
        const nextId = ids[nextIndex];
        if (nextId) handles.current.get(nextId)?.focus();
        return;
      }
      const columnId = hereIndex >= 0 ? here : ids[0];
      if (columnId) handles.current.get(columnId)?.command(command);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const dnd = useMemo<ColumnDnd>(
    () => ({
      onDragStart(id, event) {
        event.dataTransfer.setData(COLUMN_MIME, id);
        event.dataTransfer.effectAllowed = 'move';
        setDrag({ id, over: null, side: 'before' });
      },
      onDragEnd() {
        setDrag(null);
      },
      onDragOver(id, event: DragEvent<HTMLElement>) {
        const state = latest.current.drag;
        if (!state || !event.dataTransfer.types.includes(COLUMN_MIME)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        const side = event.clientX < box.left + box.width / 2 ? 'before' : 'after';
        if (state.over !== id || state.side !== side) setDrag({ ...state, over: id, side });
      },
      onDragLeave(id, event) {
        const state = latest.current.drag;
        const to = event.relatedTarget;
        if (state?.over === id && !(to instanceof Node && event.currentTarget.contains(to))) setDrag({ ...state, over: null });
      },
      onDrop(id, event) {
        const state = latest.current.drag;
        if (!state || !event.dataTransfer.types.includes(COLUMN_MIME)) return;
        event.preventDefault();
        setDrag(null);
        const ids = latest.current.streams.map((stream) => stream.id);
        const from = ids.indexOf(state.id);
        const over = ids.indexOf(id);
        if (from < 0 || over < 0) return;
        const position = dropPosition(from, over, state.side);
        if (position !== from) void moveColumn(state.id, position);
      },
    }),
    [moveColumn],
  );

  const onRemove = useCallback((stream: StreamView) => setRemoving(stream), []);

  if (!current || deck.phase === 'loading' || deck.phase === 'idle') return <div className="deck deck--loading" aria-busy="true" />;

  if (deck.phase === 'failed') {
    return (
      <div role="alert" className="alert alert--error deck__alert">
        <p className="alert__message">
          {t('deck.loadFailed')} {deck.error ? describeError(deck.error, t) : null}
        </p>
        <button type="button" className="button button--quiet" onClick={() => void loadDeck(workspaceId)}>
          {t('deck.retry')}
        </button>
      </div>
    );
  }

  if (streams.length === 0) return <DeckEmptyState workspaceId={workspaceId} onAddColumn={onAddColumn} />;

  return (
    <>
      <div
        ref={deckRef}
        className="deck"
        role="region"
        aria-label={t('deck.label')}
        aria-describedby={hintId}
        onFocus={(event) => {
          const id = event.target.closest('[data-column-id]')?.getAttribute('data-column-id');
          if (id) activeColumn.current = id;
        }}
      >
        {streams.map((stream, index) => (
          <Column
            key={stream.id}
            stream={stream}
            index={index}
            count={streams.length}
            register={register}
            onRemove={onRemove}
            dnd={dnd}
            dragging={drag?.id === stream.id}
            dropSide={drag && drag.over === stream.id && drag.id !== stream.id ? drag.side : null}
          />
        ))}
        <p id={hintId} hidden>
          {t('deck.keyboardHint')}
        </p>
      </div>
      {removing && (
        <ConfirmDialog
          title={t('deck.removeTitle', { title: removing.title })}
          body={t('deck.removeBody')}
          confirmLabel={t('deck.removeConfirm')}
          tone="danger"
          onConfirm={() => removeColumn(removing.id)}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
