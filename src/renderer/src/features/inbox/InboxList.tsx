import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';
import { InboxRow } from './InboxRow';

interface InboxListProps {
  activeId: number | null;
  selection: ReadonlySet<number>;
  onActivate(id: number): void;
  onOpen(id: number): void;
  onToggleSelect(id: number): void;
}

/**
 * The inbox items as a multi-select listbox, in the core's order (due first). The next page
 * loads when the end of the list scrolls into view.
 */
export function InboxList({ activeId, selection, onActivate, onOpen, onToggleSelect }: InboxListProps) {
  const { t } = useTranslation();
  const inbox = useAppStore((state) => state.inbox);
  const settings = useAppStore((state) => state.inboxMeta.settings);
  const agents = useAppStore((state) => state.inboxMeta.agents);
  const openId = useAppStore((state) => state.conversation?.inboxItemId ?? null);
  const loadMore = useAppStore((state) => state.loadMoreInbox);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const hasMore = inbox.next !== null;

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, loadMore, inbox.items.length]);

  const byId = new Map<string, Agent>(agents.map((agent) => [agent.id, agent]));
  // Without an active row yet, the first one is where Tab lands.
  const tabStop = activeId !== null && inbox.items.some((entry) => entry.id === activeId) ? activeId : (inbox.items[0]?.id ?? null);

  return (
    <div className="inbox-list__scroll">
      <div className="inbox-list" role="listbox" aria-label={t('inbox.list.label')} aria-multiselectable="true" aria-busy={inbox.phase === 'loading'}>
        {inbox.items.map((entry) => (
          <InboxRow
            key={entry.id}
            entry={entry}
            settings={settings}
            assignee={entry.assigneeId ? (byId.get(entry.assigneeId) ?? null) : null}
            active={entry.id === tabStop}
            selected={selection.has(entry.id)}
            open={entry.id === openId}
            onActivate={onActivate}
            onOpen={onOpen}
            onToggleSelect={onToggleSelect}
          />
        ))}
      </div>
      {hasMore && (
        <div ref={sentinelRef} className="inbox-list__more">
          {inbox.loadingMore ? t('inbox.list.loadingMore') : ''}
        </div>
      )}
    </div>
  );
}
