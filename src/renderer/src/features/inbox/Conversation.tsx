import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredItem } from '../../../../shared/contract/items';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { ConversationState } from '../../store/inboxSlice';
import { Composer } from '../composer/Composer';
import { Icon } from '../deck/Icon';
import { ItemCard } from '../deck/ItemCard';
import { authorName, MAX_INDENT, threadRows } from '../thread/threadRows';
import type { InboxDialog } from './dialogs';
import { authorLabel } from './inboxList';
import { Notes } from './Notes';
import { ResponseClock } from './ResponseClock';
import { TriageBar } from './TriageBar';

interface ConversationProps {
  workspaceId: string;
  onDialog(dialog: InboxDialog): void;
  /** Where the focus goes when the conversation closes. */
  onBackToList(): void;
}

/** The region beside the list: the open item's conversation, or a word on how to open one. */
export function Conversation({ workspaceId, onDialog, onBackToList }: ConversationProps) {
  const { t } = useTranslation();
  const conversation = useAppStore((state) => state.conversation);
  if (!conversation || conversation.workspaceId !== workspaceId) {
    return (
      <section className="inbox-conversation inbox-conversation--empty" aria-label={t('inbox.conversation.label')}>
        <p className="inbox-muted">{t('inbox.conversation.none')}</p>
      </section>
    );
  }
  return <OpenConversation conversation={conversation} onDialog={onDialog} onBackToList={onBackToList} />;
}

function OpenConversation({ conversation, onDialog, onBackToList }: { conversation: ConversationState } & Omit<ConversationProps, 'workspaceId'>) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const settings = useAppStore((state) => state.inboxMeta.settings);
  const agents = useAppStore((state) => state.inboxMeta.agents);
  const closeConversation = useAppStore((state) => state.closeConversation);
  const retryConversation = useAppStore((state) => state.retryConversation);
  const openReply = useAppStore((state) => state.openReply);
  const closeReply = useAppStore((state) => state.closeReply);
  const addInboxNote = useAppStore((state) => state.addInboxNote);
  const entry = conversation.entry;

  // A conversation opened (Enter, a click, or again on the same item): the focus comes here,
  // unless the reply composer opened with it (it takes the focus itself).
  useEffect(() => {
    if (!conversation.reply) headingRef.current?.focus({ preventScroll: true });
    // Only when another conversation opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversation.opened]);

  const close = () => {
    closeConversation();
    onBackToList();
  };

  return (
    <section className="inbox-conversation" aria-label={t('inbox.conversation.label')}>
      <header className="inbox-conversation__header">
        <h2 ref={headingRef} className="inbox-conversation__title" tabIndex={-1}>
          {entry ? authorLabel(entry.item) : t('inbox.conversation.loading')}
        </h2>
        {entry && <ResponseClock entry={entry} settings={settings} />}
        <button type="button" className="icon-button" aria-label={t('inbox.conversation.close')} title={t('inbox.conversation.close')} onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <div className="inbox-conversation__scroll">
        {conversation.phase === 'failed' && conversation.error && (
          <div className="thread-panel__error" role="alert">
            <p>
              {t('inbox.conversation.failed')} {describeError(conversation.error, t)}
            </p>
            <button type="button" className="button button--small" onClick={() => void retryConversation()}>
              {t('deck.retry')}
            </button>
          </div>
        )}
        {entry && <TriageBar entry={entry} agents={agents} timeZone={settings?.timeZone ?? 'UTC'} onDialog={onDialog} />}
        <ConversationThread key={conversation.inboxItemId} conversation={conversation} />
        {entry && (
          <div className="inbox-reply">
            {conversation.reply ? (
              <Composer
                key={`${entry.id}:${conversation.reply.opened}`}
                workspaceId={conversation.workspaceId}
                draftKey={`reply:${entry.id}`}
                accountId={entry.accountId}
                replyTo={entry.item}
                inboxItem={entry}
                autoFocus
                initialSavedReplyId={conversation.reply.savedReplyId ?? undefined}
                onClose={() => {
                  closeReply();
                  headingRef.current?.focus();
                }}
                onSent={() => {
                  closeReply();
                  headingRef.current?.focus();
                }}
              />
            ) : (
              <div className="inbox-reply__buttons">
                <button type="button" className="button button--primary" onClick={() => void openReply(entry.id)} aria-keyshortcuts="r">
                  {t('inbox.actions.reply')}
                </button>
                {settings?.acknowledgementReplyId && (
                  <button type="button" className="button" onClick={() => void openReply(entry.id, settings.acknowledgementReplyId)} aria-keyshortcuts="q">
                    {t('inbox.actions.acknowledge')}
                  </button>
                )}
              </div>
            )}
          </div>
        )}
        {entry && <Notes title={t('inbox.notes.title')} notes={conversation.notes} agents={agents} onAdd={addInboxNote} />}
      </div>
    </section>
  );
}

/** The thread around the item, as the thread panel shows it (sanitized HTML in the cards). */
function ConversationThread({ conversation }: { conversation: ConversationState }) {
  const { t } = useTranslation();
  const setItemsRead = useAppStore((state) => state.setItemsRead);
  const thread = conversation.thread;
  const rows = useMemo(() => (thread ? threadRows(thread.ancestors, thread.item, thread.replies) : []), [thread]);
  const currentId = thread?.item.id ?? null;
  // The item the conversation is about shows all of itself, the others as in the columns: what
  // the user toggled is kept as a difference to that.
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  const [readOverrides, setReadOverrides] = useState<ReadonlyMap<number, boolean>>(new Map());
  const isExpanded = (id: number) => (id === currentId) !== toggled.has(id);

  const toggleExpanded = useCallback((item: StoredItem) => {
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
  }, []);
  const toggleRead = useCallback(
    (item: StoredItem) => {
      setReadOverrides((current) => new Map(current).set(item.id, !item.read));
      void setItemsRead([item.id], !item.read);
    },
    [setItemsRead],
  );
  const noop = useCallback(() => undefined, []);

  if (!thread) return <p className="inbox-muted" role="status">{t('inbox.conversation.loading')}</p>;
  return (
    <div className="inbox-thread">
      <p className="thread-panel__status" role="status">
        {conversation.threadPhase === 'loading' ? t('thread.loading') : ''}
      </p>
      {conversation.threadPhase === 'failed' && conversation.threadError && (
        <p className="inbox-muted" role="alert">
          {t('inbox.conversation.threadFailed')} {describeError(conversation.threadError, t)}
        </p>
      )}
      <div className="thread-panel__feed" role="feed" aria-label={t('thread.conversation')} aria-busy={conversation.threadPhase === 'loading'}>
        {rows.map((row, index) => {
          const depth = Math.min(row.depth, MAX_INDENT);
          const className = ['thread__row', `thread__row--${row.kind}`, row.depth > 0 ? 'thread__row--nested' : null].filter(Boolean).join(' ');
          const read = readOverrides.get(row.item.id);
          const item = read === undefined ? row.item : { ...row.item, read };
          return (
            // The depth goes through CSSOM (React's style prop), which the CSP allows.
            <div key={row.item.id} className={className} style={{ '--depth': depth } as CSSProperties}>
              {row.kind === 'reply' && row.replyTo && <p className="sr-only">{t('thread.replyTo', { name: authorName(row.replyTo) })}</p>}
              <ItemCard
                item={item}
                tabStop
                selected={false}
                current={row.kind === 'current'}
                threadAction={false}
                expanded={isExpanded(row.item.id)}
                position={index + 1}
                setSize={conversation.threadPhase === 'ready' ? rows.length : -1}
                onSelect={noop}
                onToggleExpanded={toggleExpanded}
                onToggleRead={toggleRead}
                onOpened={noop}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
