import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredItem } from '../../../../shared/contract/items';
import type { StreamView } from '../../../../shared/contract/streams';
import { useAppStore } from '../../store/AppStoreProvider';
import { ColumnHeader } from './ColumnHeader';
import { EMPTY_COLUMN } from './columnItems';
import { ItemCard } from './ItemCard';
import type { DeckCommand } from './keyboard';
import { Icon } from './Icon';
import { safeHttpUrl } from './sanitize';

/** What the deck's keyboard handling asks of a column. */
export interface ColumnHandle {
  /** Focuses the selected item (or the first one in view). */
  focus(): void;
  command(command: DeckCommand): void;
}

/** Drag and drop of whole columns (the deck decides where a column lands). */
export interface ColumnDnd {
  onDragStart(id: string, event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
  onDragOver(id: string, event: DragEvent<HTMLElement>): void;
  onDragLeave(id: string, event: DragEvent<HTMLElement>): void;
  onDrop(id: string, event: DragEvent<HTMLElement>): void;
}

interface ColumnProps {
  stream: StreamView;
  index: number;
  count: number;
  register(id: string, handle: ColumnHandle | null): void;
  onRemove(stream: StreamView): void;
  dnd: ColumnDnd;
  /** Where a dragged column would land, relative to this one. */
  dropSide: 'before' | 'after' | null;
  dragging: boolean;
}

/** Estimated height of a card before it is measured. */
const ESTIMATED_ROW = 132;
/** Load the next page when the last rendered row is this close to the end of what is loaded. */
const LOAD_AHEAD = 10;

/** Opens an item's address outside the app (the desktop shell hands new windows to the system browser). */
export function openExternally(item: StoredItem): boolean {
  const url = safeHttpUrl(item.url);
  if (!url) return false;
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}

/** One stream: its header, and its items as a virtualized feed that loads as the user scrolls. */
export const Column = memo(function Column({ stream, index, count, register, onRemove, dnd, dropSide, dragging }: ColumnProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const id = stream.id;
  const column = useAppStore((state) => state.columns[id]) ?? EMPTY_COLUMN;
  const loadColumn = useAppStore((state) => state.loadColumn);
  const loadOlder = useAppStore((state) => state.loadOlder);
  const fillGapAbove = useAppStore((state) => state.fillGapAbove);
  const reloadColumn = useAppStore((state) => state.reloadColumn);
  const setColumnAtTop = useAppStore((state) => state.setColumnAtTop);
  const setItemsRead = useAppStore((state) => state.setItemsRead);
  const refreshColumn = useAppStore((state) => state.refreshColumn);
  const markColumnRead = useAppStore((state) => state.markColumnRead);
  const moveColumn = useAppStore((state) => state.moveColumn);

  const items = column.items;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());

  useEffect(() => {
    void loadColumn(id);
  }, [loadColumn, id]);

  const getItemKey = useCallback((index: number) => items[index]?.id ?? index, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    getItemKey,
  });
  // The virtualizer remembers the measured height of every item it ever showed; a column open
  // all day drops items from memory, so their heights go too, or the cache grows without end.
  useEffect(() => {
    const cache = virtualizer.itemSizeCache;
    if (cache.size <= items.length) return;
    const held = new Set<unknown>(items.map((item) => item.id));
    for (const key of [...cache.keys()]) if (!held.has(key)) cache.delete(key);
  }, [items, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const firstIndex = virtualItems[0]?.index ?? 0;
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  // Scroll anchoring: the item at the top of the viewport, and how far into it the viewport starts.
  const anchorRef = useRef<{ id: number; offset: number } | null>(null);
  const previous = useRef({ items, gapAbove: column.gapAbove });

  function onScroll() {
    const element = scrollRef.current;
    if (!element) return;
    const top = element.scrollTop;
    const row = virtualizer.getVirtualItemForOffset(top);
    const item = row ? items[row.index] : undefined;
    anchorRef.current = row && item ? { id: item.id, offset: top - row.start } : null;
    setColumnAtTop(id, top <= 1 && !column.gapAbove);
  }

  // Items inserted above (live arrivals, a gap filled) or dropped above (memory bound) must not
  // move what the user reads: the anchor item goes back to where it was. At the very top, new
  // items simply appear.
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { items, gapAbove: column.gapAbove };
    if (before.items === items) return;
    const element = scrollRef.current;
    const anchor = anchorRef.current;
    if (!element || !anchor) return;
    if (element.scrollTop <= 1 && !before.gapAbove) return;
    const anchorIndex = items.findIndex((item) => item.id === anchor.id);
    const measured = anchorIndex >= 0 ? virtualizer.measurementsCache[anchorIndex] : undefined;
    if (!measured) return;
    const target = measured.start + anchor.offset;
    if (Math.abs(target - element.scrollTop) > 0.5) element.scrollTop = target;
  }, [items, column.gapAbove, virtualizer]);

  useEffect(() => {
    if (column.phase === 'ready' && column.next && !column.loadingOlder && lastIndex >= items.length - LOAD_AHEAD) void loadOlder(id);
  }, [column.phase, column.next, column.loadingOlder, lastIndex, items.length, loadOlder, id]);

  useEffect(() => {
    if (column.gapAbove && firstIndex <= 3) void fillGapAbove(id);
  }, [column.gapAbove, firstIndex, fillGapAbove, id]);

  // The keyboard: selection, focus and the item commands, reading the latest state.
  const latest = useRef({ items, selectedId, expanded });
  useLayoutEffect(() => {
    latest.current = { items, selectedId, expanded };
  });

  const focusItem = useCallback(
    (itemId: number, itemIndex: number) => {
      setSelectedId(itemId);
      virtualizer.scrollToIndex(itemIndex, { align: 'auto' });
      // The row may only be rendered after the scroll: try for a few frames.
      let frames = 0;
      const attemptFocus = () => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`);
        if (row) {
          row.focus({ preventScroll: true });
          // In view within the column (the virtualizer's estimate may have been off), and the
          // column in view within the deck.
          row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        } else if (frames++ < 20) {
          requestAnimationFrame(attemptFocus);
        }
      };
      requestAnimationFrame(attemptFocus);
    },
    [virtualizer],
  );

  const toggleExpanded = useCallback(
    (item: StoredItem) => {
      const willExpand = !latest.current.expanded.has(item.id);
      setExpanded((current) => {
        const next = new Set(current);
        if (willExpand) next.add(item.id);
        else next.delete(item.id);
        return next;
      });
      if (willExpand && !item.read) void setItemsRead([item.id], true);
    },
    [setItemsRead],
  );

  const toggleRead = useCallback((item: StoredItem) => void setItemsRead([item.id], !item.read), [setItemsRead]);
  const opened = useCallback(
    (item: StoredItem) => {
      if (!item.read) void setItemsRead([item.id], true);
    },
    [setItemsRead],
  );

  useEffect(() => {
    const selected = () => {
      const { items: current, selectedId: selection } = latest.current;
      return current.find((item) => item.id === selection);
    };
    const firstInView = () => {
      const element = scrollRef.current;
      const row = element ? virtualizer.getVirtualItemForOffset(element.scrollTop + 1) : undefined;
      return row?.index ?? 0;
    };
    const handle: ColumnHandle = {
      focus() {
        const { items: current, selectedId: selection } = latest.current;
        const selectedIndex = current.findIndex((item) => item.id === selection);
        const target = selectedIndex >= 0 ? selectedIndex : firstInView();
        const item = current[target];
        if (item) focusItem(item.id, target);
        else scrollRef.current?.focus();
      },
      command(command) {
        const { items: current, selectedId: selection } = latest.current;
        switch (command) {
          case 'next':
          case 'previous': {
            if (current.length === 0) return;
            const selectedIndex = current.findIndex((item) => item.id === selection);
            const target =
              selectedIndex < 0 ? firstInView() : Math.max(0, Math.min(current.length - 1, selectedIndex + (command === 'next' ? 1 : -1)));
            const item = current[target];
            if (item) focusItem(item.id, target);
            return;
          }
          case 'open': {
            const item = selected();
            if (item && openExternally(item) && !item.read) void setItemsRead([item.id], true);
            return;
          }
          case 'expand': {
            const item = selected();
            if (item) toggleExpanded(item);
            return;
          }
          case 'toggleRead': {
            const item = selected();
            if (item) void setItemsRead([item.id], !item.read);
            return;
          }
          case 'refresh':
            void refreshColumn(id);
            return;
          default:
            return;
        }
      },
    };
    register(id, handle);
    return () => register(id, null);
  }, [register, id, virtualizer, focusItem, toggleExpanded, setItemsRead, refreshColumn]);

  const jumpToTop = useCallback(async () => {
    if (column.gapAbove) await reloadColumn(id);
    // After the reload has rendered: to the top, with the focus on the newest item.
    requestAnimationFrame(() => {
      if (scrollRef.current) scrollRef.current.scrollTop = 0;
      const first = latest.current.items[0];
      if (first) focusItem(first.id, 0);
    });
  }, [column.gapAbove, reloadColumn, id, focusItem]);

  const tabStopId = useMemo(() => {
    const rendered = virtualItems.map((row) => items[row.index]?.id);
    return selectedId !== null && rendered.includes(selectedId) ? selectedId : (rendered[0] ?? null);
  }, [virtualItems, items, selectedId]);

  const newCount = column.newAbove + column.missedAbove;
  const setSize = column.next || column.gapAbove ? -1 : items.length;
  const busy = column.phase === 'loading' || column.loadingOlder;
  const className = ['column', dragging ? 'column--dragging' : null, dropSide ? `column--drop-${dropSide}` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <section
      className={className}
      aria-labelledby={titleId}
      data-column-id={id}
      onDragOver={(event) => dnd.onDragOver(id, event)}
      onDragLeave={(event) => dnd.onDragLeave(id, event)}
      onDrop={(event) => dnd.onDrop(id, event)}
    >
      <ColumnHeader
        stream={stream}
        titleId={titleId}
        index={index}
        count={count}
        onMove={(position) => void moveColumn(id, position)}
        onRefresh={() => void refreshColumn(id)}
        onMarkAllRead={() => void markColumnRead(id)}
        onRemove={() => onRemove(stream)}
        onDragStart={(event) => dnd.onDragStart(id, event)}
        onDragEnd={dnd.onDragEnd}
      />
      <div className="column__notice" aria-live="polite">
        {newCount > 0 && (
          <button type="button" className="column__new" onClick={() => void jumpToTop()}>
            <Icon name="up" />
            {t('deck.newItems', { count: newCount })}
          </button>
        )}
      </div>
      <div ref={scrollRef} className="column__scroll" onScroll={onScroll} tabIndex={-1}>
        {column.phase === 'loading' && items.length === 0 && (
          <p className="column__message" role="status">
            {t('deck.loadingItems')}
          </p>
        )}
        {column.phase === 'failed' && items.length === 0 && (
          <div className="column__message">
            <p>{t('deck.itemsFailed')}</p>
            <button type="button" className="button button--small" onClick={() => void reloadColumn(id)}>
              {t('deck.retry')}
            </button>
          </div>
        )}
        {column.phase === 'ready' && items.length === 0 && <p className="column__message">{t('deck.emptyColumn')}</p>}
        <div
          className="column__feed"
          role="feed"
          aria-label={t('deck.feedLabel', { title: stream.title })}
          aria-busy={busy}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className="column__row"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <ItemCard
                  item={item}
                  tabStop={item.id === tabStopId}
                  selected={item.id === selectedId}
                  expanded={expanded.has(item.id)}
                  position={row.index + 1}
                  setSize={setSize}
                  sourceLabel={stream.title}
                  onSelect={setSelectedId}
                  onToggleExpanded={toggleExpanded}
                  onToggleRead={toggleRead}
                  onOpened={opened}
                />
              </div>
            );
          })}
        </div>
        {column.loadingOlder && (
          <p className="column__message column__message--foot" role="status">
            {t('deck.loadingOlder')}
          </p>
        )}
        {column.phase === 'ready' && items.length > 0 && !column.next && <p className="column__message column__message--foot">{t('deck.endOfColumn')}</p>}
      </div>
    </section>
  );
});
