import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredItem } from '../../../../shared/contract/items';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { ThreadState } from '../../store/types';
import { Icon } from '../deck/Icon';
import { ItemCard } from '../deck/ItemCard';
import { isTypingTarget } from '../deck/keyboard';
import { authorName, MAX_INDENT, threadRows } from './threadRows';
import '../../styles/thread.css';

/** Where the focus goes back to when the thread closes. */
interface Opener {
  element: HTMLElement | null;
  itemId: number;
}

/**
 * The conversation around an item, beside the columns (Enter on an item, or its "Thread"
 * button): the ancestors, the item itself (highlighted), and the replies indented by depth.
 * Esc or the close button closes it, and the focus goes back to where the thread was opened.
 */
export function ThreadPanel({ workspaceId }: { workspaceId: string }) {
  const thread = useAppStore((state) => state.thread);
  if (!thread || thread.workspaceId !== workspaceId) return null;
  return <OpenThread thread={thread} />;
}

function OpenThread({ thread }: { thread: ThreadState }) {
  const { t } = useTranslation();
  const headingId = useId();
  const closeThread = useAppStore((state) => state.closeThread);
  const retryThread = useAppStore((state) => state.retryThread);
  const openAccounts = useAppStore((state) => state.openAccounts);
  const setThreadItemRead = useAppStore((state) => state.setThreadItemRead);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Opener | null>(null);

  // A thread opened (a new one, or another while one is open): remember where the user was,
  // and bring the focus here.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !panelRef.current?.contains(active) && active !== document.body) {
      opener.current = { element: active, itemId: thread.item.id };
    } else if (!opener.current) {
      opener.current = { element: null, itemId: thread.item.id };
    }
    headingRef.current?.focus({ preventScroll: true });
    // Only when another thread opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thread.opened]);

  // Once the conversation is there, the item it was opened for takes the focus (unless the user
  // has moved on meanwhile) and is scrolled into view between its ancestors and replies.
  const ready = thread.phase === 'ready';
  useEffect(() => {
    if (!ready) return;
    const card = panelRef.current?.querySelector<HTMLElement>('article[aria-current="true"]');
    if (!card) return;
    if (document.activeElement === headingRef.current) card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }, [ready, thread.opened]);

  const close = useCallback(
    (returnFocus: boolean) => {
      const from = opener.current;
      if (returnFocus && from) {
        const target =
          from.element?.isConnected === true
            ? from.element
            : document.querySelector<HTMLElement>(`.deck article[data-item-id="${from.itemId}"]`);
        target?.focus();
      }
      closeThread();
    },
    [closeThread],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]') || isTypingTarget(event.target)) return;
      const target = event.target instanceof Element ? event.target : null;
      const inPanel = target !== null && panelRef.current?.contains(target) === true;
      const nowhere = target === null || target === document.body || target === document.documentElement;
      // Esc closes the thread from within it, from the deck, and where nothing has the focus.
      if (!inPanel && !nowhere && !target.closest('.deck')) return;
      event.preventDefault();
      close(inPanel || nowhere);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close]);

  return (
    <aside ref={panelRef} className="thread-panel" aria-labelledby={headingId}>
      <header className="thread-panel__header">
        <h2 id={headingId} ref={headingRef} className="thread-panel__title" tabIndex={-1}>
          {t('thread.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('thread.close')} title={t('thread.close')} onClick={() => close(true)}>
          <Icon name="close" />
        </button>
      </header>
      <div className="thread-panel__scroll">
        <p className="thread-panel__status" role="status">
          {thread.phase === 'loading' ? t('thread.loading') : ''}
        </p>
        {thread.item.network === 'feed' && <p className="thread-panel__note">{t('thread.feedNote')}</p>}
        {thread.phase === 'failed' && thread.error && (
          <div className="thread-panel__error" role="alert">
            <p>
              {t('thread.failed')} {describeError(thread.error, t)}
            </p>
            <p className="thread-panel__error-actions">
              <button type="button" className="button button--small" onClick={() => void retryThread()}>
                {t('thread.retry')}
              </button>
              {thread.error.code === 'reconnect_needed' && (
                <button type="button" className="button button--small" onClick={() => openAccounts({ workspaceId: thread.workspaceId })}>
                  {t('thread.openAccounts')}
                </button>
              )}
            </p>
          </div>
        )}
        <ThreadItems key={thread.opened} thread={thread} onToggleRead={(item) => setThreadItemRead(item, !item.read)} />
        {thread.phase === 'ready' && thread.item.network !== 'feed' && thread.replies.length === 0 && (
          <p className="thread-panel__end">{t('thread.noReplies')}</p>
        )}
      </div>
    </aside>
  );
}

function ThreadItems({ thread, onToggleRead }: { thread: ThreadState; onToggleRead: (item: StoredItem) => void }) {
  const { t } = useTranslation();
  const rows = useMemo(() => threadRows(thread.ancestors, thread.item, thread.replies), [thread.ancestors, thread.item, thread.replies]);
  // The item the thread is about shows all of itself; the others as in the columns.
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set([thread.item.id]));
  const toggleExpanded = useCallback((item: StoredItem) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
  }, []);
  const noop = useCallback(() => undefined, []);
  // Opening an item in the browser counts as reading it, as in the columns.
  const opened = useCallback((item: StoredItem) => {
    if (!item.read) onToggleRead(item);
  }, [onToggleRead]);

  return (
    <div className="thread-panel__feed" role="feed" aria-label={t('thread.conversation')} aria-busy={thread.phase === 'loading'}>
      {rows.map((row, index) => {
        const depth = Math.min(row.depth, MAX_INDENT);
        const className = ['thread__row', `thread__row--${row.kind}`, row.depth > 0 ? 'thread__row--nested' : null].filter(Boolean).join(' ');
        return (
          <div key={row.item.id} className={className} data-depth={row.depth} style={{ '--depth': depth } as CSSProperties}>
            {row.kind === 'reply' && row.replyTo && (
              <p className="sr-only">{t('thread.replyTo', { name: authorName(row.replyTo) })}</p>
            )}
            <ItemCard
              item={row.item}
              tabStop
              selected={false}
              current={row.kind === 'current'}
              threadAction={false}
              expanded={expanded.has(row.item.id)}
              position={index + 1}
              setSize={thread.phase === 'ready' ? rows.length : -1}
              onSelect={noop}
              onToggleExpanded={toggleExpanded}
              onToggleRead={onToggleRead}
              onOpened={opened}
            />
          </div>
        );
      })}
    </div>
  );
}
