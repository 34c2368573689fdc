import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItemView } from '../../../../shared/contract/inbox';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { Outcome } from '../../store/outcome';
import { ContactPanel } from '../contacts/ContactPanel';
import { isTypingTarget } from '../deck/keyboard';
import { InboxSettingsDialog } from '../inboxSettings/InboxSettingsDialog';
import { AssignDialog } from './AssignDialog';
import { BulkBar } from './BulkBar';
import { Conversation } from './Conversation';
import type { InboxDialog } from './dialogs';
import { InboxEmptyState } from './InboxEmptyState';
import { inboxCommandFor } from './inboxKeys';
import { nextFocusAfter, stepFrom } from './inboxList';
import { InboxList } from './InboxList';
import { InboxToolbar } from './InboxToolbar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SnoozeDialog } from './SnoozeDialog';
import { TagDialog } from './TagDialog';
import { useTriage } from './useTriage';
import '../../styles/inbox.css';

function focusRow(root: HTMLElement | null, id: number | null): void {
  if (id === null) return;
  root?.querySelector<HTMLElement>(`[role="option"][data-inbox-id="${id}"]`)?.focus();
}

/**
 * The inbox of a workspace: the list (triaged with the keys of a mail client), the conversation
 * of the item opened beside it, and the contact panel of its author.
 */
export function InboxView({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const inbox = useAppStore((state) => state.inbox);
  const meta = useAppStore((state) => state.inboxMeta);
  const conversationOpen = useAppStore((state) => state.conversation !== null);
  const loadInbox = useAppStore((state) => state.loadInbox);
  const openConversation = useAppStore((state) => state.openConversation);
  const openReply = useAppStore((state) => state.openReply);
  const reportError = useAppStore((state) => state.reportError);
  const triage = useTriage();
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<InboxDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void loadInbox(workspaceId);
  }, [loadInbox, workspaceId]);

  const current = inbox.workspaceId === workspaceId;
  const items = useMemo(() => (current ? inbox.items : []), [current, inbox.items]);

  // Items that left the list (done, snoozed, filtered away) hand the focus to the next one, and
  // leave the selection.
  const previousItems = useRef<InboxItemView[]>(items);
  useLayoutEffect(() => {
    const before = previousItems.current;
    previousItems.current = items;
    if (before === items) return;
    const present = new Set(items.map((entry) => entry.id));
    setSelection((selected) => {
      const kept = [...selected].filter((id) => present.has(id));
      return kept.length === selected.size ? selected : new Set(kept);
    });
    if (activeId !== null && !present.has(activeId)) {
      const next = nextFocusAfter(before, items, activeId);
      const focusWasHere = document.activeElement === document.body || listRef.current?.contains(document.activeElement) === true;
      setActiveId(next);
      if (focusWasHere) requestAnimationFrame(() => focusRow(listRef.current, next));
    }
  }, [items, activeId]);

  const latest = useRef({ items, activeId, selection, meta, dialog });
  useLayoutEffect(() => {
    latest.current = { items, activeId, selection, meta, dialog };
  });

  /** The bulk selection when there is one, else the item the keys are at. */
  const targets = useCallback((): number[] => {
    const { selection: selected, activeId: active } = latest.current;
    if (selected.size > 0) return [...selected];
    return active === null ? [] : [active];
  }, []);

  const toggleSelect = useCallback((id: number) => {
    setSelection((selected) => {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const markDone = useCallback(
    async (ids: number[]) => {
      if (ids.length === 0) return;
      const outcome = await triage.done(ids);
      if (!outcome.ok) reportError(outcome.error);
      else setSelection(new Set());
    },
    [reportError, triage],
  );

  const acknowledge = useCallback(
    (id: number) => {
      const ackId = latest.current.meta.settings?.acknowledgementReplyId ?? null;
      if (!ackId) {
        setNotice(t('inbox.notice.noAcknowledgement'));
        return;
      }
      setNotice(null);
      void openReply(id, ackId);
    },
    [openReply, t],
  );

  const loadMore = useAppStore((state) => state.loadMoreInbox);
  const loadMoreRef = useRef(loadMore);
  useLayoutEffect(() => {
    loadMoreRef.current = loadMore;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const root = rootRef.current;
      const target = event.target instanceof Element ? event.target : null;
      if (!root || !target) return;
      const nowhere = target === document.body || target === document.documentElement;
      if (!root.contains(target) && !nowhere) return;
      const inList = listRef.current?.contains(target) === true;
      const onRow = target.matches('[role="option"][data-inbox-id]');

      if (event.key === 'Escape' && !inList && root.contains(target)) {
        // From the conversation or contact panel, Esc goes back to the list.
        event.preventDefault();
        focusRow(listRef.current, latest.current.activeId ?? latest.current.items[0]?.id ?? null);
        return;
      }
      const command = inboxCommandFor(event);
      if (!command) return;
      // Enter and the arrows keep their own meaning on buttons, links and in the panels.
      if (command === 'open' && !onRow) return;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !inList) return;
      const { items: list, activeId: active } = latest.current;
      if (command === 'help') {
        event.preventDefault();
        setDialog({ kind: 'help' });
        return;
      }
      if (list.length === 0) return;
      event.preventDefault();
      const here = active !== null && list.some((entry) => entry.id === active) ? active : null;
      switch (command) {
        case 'next':
        case 'previous': {
          const next = stepFrom(list, here, command === 'next' ? 1 : -1);
          setActiveId(next);
          focusRow(listRef.current, next);
          // The list pages on as j reaches its end (the scroll sentinel does it for the mouse).
          if (command === 'next' && next === list[list.length - 1]?.id) void loadMoreRef.current();
          return;
        }
        case 'open':
          if (here !== null) void openConversation(here);
          return;
        case 'reply':
          if (here !== null) void openReply(here);
          return;
        case 'acknowledge':
          if (here !== null) acknowledge(here);
          return;
        case 'toggleSelect':
          if (here !== null) toggleSelect(here);
          return;
        case 'done':
          void markDone(targets());
          return;
        case 'assign':
        case 'tag':
        case 'snooze': {
          const ids = targets();
          if (ids.length > 0) setDialog({ kind: command, ids });
          return;
        }
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [acknowledge, markDone, openConversation, openReply, targets, toggleSelect]);

  const onOpen = useCallback((id: number) => void openConversation(id), [openConversation]);
  const closeDialog = useCallback(() => setDialog(null), []);
  /** A dialog's action succeeded: the selection it applied to is done with. */
  const clearingSelection = useCallback(
    async (action: Promise<Outcome<unknown>>): Promise<Outcome<unknown>> => {
      const outcome = await action;
      if (outcome.ok) setSelection(new Set());
      return outcome;
    },
    [],
  );

  const filtered = inbox.filter.assignee !== 'all' || inbox.filter.tag !== null;
  const timeZone = meta.settings?.timeZone ?? 'UTC';

  return (
    <div ref={rootRef} className={conversationOpen ? 'inbox inbox--conversation' : 'inbox'}>
      <section className="inbox__list-pane" aria-label={t('inbox.title')}>
        <InboxToolbar onSettings={() => setDialog({ kind: 'settings' })} onHelp={() => setDialog({ kind: 'help' })} />
        <BulkBar ids={[...selection]} onDone={() => void markDone([...selection])} onDialog={setDialog} onClear={() => setSelection(new Set())} />
        <p className="inbox__notice" role="status">
          {notice ?? ''}
        </p>
        {meta.phase === 'failed' && meta.error && (
          <div role="alert" className="alert alert--error inbox__alert">
            <p className="alert__message">
              {t('inbox.loadFailed')} {describeError(meta.error, t)}
            </p>
            <button type="button" className="button button--quiet" onClick={() => void loadInbox(workspaceId)}>
              {t('deck.retry')}
            </button>
          </div>
        )}
        {current && inbox.phase === 'failed' && inbox.error ? (
          <div role="alert" className="alert alert--error inbox__alert">
            <p className="alert__message">
              {t('inbox.loadFailed')} {describeError(inbox.error, t)}
            </p>
            <button type="button" className="button button--quiet" onClick={() => void loadInbox(workspaceId)}>
              {t('deck.retry')}
            </button>
          </div>
        ) : current && inbox.phase === 'ready' && items.length === 0 ? (
          <InboxEmptyState
            workspaceId={workspaceId}
            status={inbox.filter.status}
            filtered={filtered}
            needsAgent={inbox.needsAgent}
            onSettings={() => setDialog({ kind: 'settings' })}
          />
        ) : (
          <div ref={listRef} className="inbox__list-frame">
            <InboxList activeId={activeId} selection={selection} onActivate={setActiveId} onOpen={onOpen} onToggleSelect={toggleSelect} />
          </div>
        )}
      </section>
      <Conversation workspaceId={workspaceId} onDialog={setDialog} onBackToList={() => focusRow(listRef.current, activeId)} />
      <ContactPanel workspaceId={workspaceId} />
      {dialog?.kind === 'assign' && (
        <AssignDialog agents={meta.agents} count={dialog.ids.length} onAssign={(assigneeId) => clearingSelection(triage.assign(dialog.ids, assigneeId))} onClose={closeDialog} />
      )}
      {dialog?.kind === 'tag' && <TagDialog known={meta.tags} count={dialog.ids.length} onAdd={(tags) => clearingSelection(triage.addTags(dialog.ids, tags))} onClose={closeDialog} />}
      {dialog?.kind === 'snooze' && (
        <SnoozeDialog timeZone={timeZone} count={dialog.ids.length} onSnooze={(iso) => clearingSelection(triage.snooze(dialog.ids, iso))} onClose={closeDialog} />
      )}
      {dialog?.kind === 'help' && <ShortcutsDialog onClose={closeDialog} />}
      {dialog?.kind === 'settings' && <InboxSettingsDialog workspaceId={workspaceId} onClose={closeDialog} />}
    </div>
  );
}
