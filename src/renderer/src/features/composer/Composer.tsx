import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { DraftContent, OutboxEntry } from '../../../../shared/contract/composer';
import type { ScheduleResult, ScheduledPost, WallTime } from '../../../../shared/contract/planner';
import type { AppError } from '../../../../shared/contract/errors';
import type { InboxItemView } from '../../../../shared/contract/inbox';
import type { StoredItem } from '../../../../shared/contract/items';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { isMacPlatform } from '../workspaces/shortcuts';
import { SavedRepliesPicker } from '../savedReplies/SavedRepliesPicker';
import { savedReplyVars } from '../savedReplies/replyVariables';
import { renderSavedReply } from '../../../../shared/inbox/savedReplyText';
import type { ComposerContextState } from '../../store/composerSlice';
import { AttachButton } from './AttachButton';
import { CharCounter } from './CharCounter';
import { ComposerOptions } from './ComposerOptions';
import { ComposerPreview } from './ComposerPreview';
import { draftKindOf } from './draftKeys';
import { insertAtCursor } from './editing';
import { composerKeyCommand } from './keys';
import { MediaList } from './MediaList';
import { ProblemList } from './ProblemList';
import { SaveStatus } from './SaveStatus';
import { SendStatus } from './SendStatus';
import { useComposerCheck } from './useComposerCheck';
import { useComposerEvents } from './useComposerEvents';
import { useDraft, type DraftFields } from './useDraft';
import { PlanWarningsDialog } from '../planner/PlanWarningsDialog';
import { PlannedStatus } from './PlannedStatus';
import { ScheduleDialog } from './ScheduleDialog';
import { TargetAccounts } from './TargetAccounts';
import { targetIdsOf, targetNetworks, textFor, toggledTargets, withVariant } from './targets';
import { VariantTabs, type VariantTab } from './VariantTabs';
import '../../styles/composer.css';
import '../../styles/planner.css';

export interface ComposerProps {
  workspaceId: string;
  /** 'reply:<inboxItemId>' | 'item:<itemId>' | 'post:<uuid>' */
  draftKey: string;
  /** Preselected account; for new posts the user picks. */
  accountId: string | null;
  /** Shown as "Replying to …". */
  replyTo: StoredItem | null;
  /** For saved-reply variables and suggestions. */
  inboxItem?: InboxItemView;
  autoFocus?: boolean;
  /** Inserts this saved reply on open (the acknowledgement key). */
  initialSavedReplyId?: string;
  /** Esc: closes WITHOUT losing the draft. */
  onClose(): void;
  onSent?(entry: OutboxEntry): void;
}

const NO_ACCOUNTS: AccountView[] = [];

/**
 * The composer for a reply or a new post. Each draft (workspace + key) gets an editor of its own;
 * "Edit" on a failed send opens the draft afresh.
 */
export function Composer(props: ComposerProps) {
  const [generation, setGeneration] = useState(0);
  return <ComposerEditor key={`${props.workspaceId}|${props.draftKey}|${generation}`} {...props} onReopen={() => setGeneration((n) => n + 1)} />;
}

function ComposerEditor({
  workspaceId,
  draftKey,
  accountId: preselectedAccountId,
  replyTo,
  inboxItem,
  autoFocus,
  initialSavedReplyId,
  onClose,
  onSent,
  onReopen,
}: ComposerProps & { onReopen(): void }) {
  const { t, i18n } = useTranslation();
  useComposerEvents();
  const kind = draftKindOf(draftKey);
  const replyItem = replyTo ?? inboxItem?.item ?? null;

  const allAccounts = useAppStore((state) => (state.accounts.workspaceId === workspaceId ? state.accounts.accounts : NO_ACCOUNTS));
  const accounts = useMemo(
    // A reply goes out on the network of the post it answers.
    () => allAccounts.filter((account) => account.network !== 'feed' && (!replyItem || account.network === replyItem.network)),
    [allAccounts, replyItem],
  );
  const context = useAppStore((state) => state.composerContext);
  const loadComposerContext = useAppStore((state) => state.loadComposerContext);
  const savedReplies = useAppStore((state) => state.savedReplies);
  const loadSavedReplies = useAppStore((state) => state.loadSavedReplies);
  const workspaceName = useAppStore((state) => state.workspaces.find((w) => w.id === workspaceId)?.name ?? null);
  const sendDraft = useAppStore((state) => state.sendDraft);
  const scheduleDraft = useAppStore((state) => state.scheduleDraft);
  const setWorkspaceView = useAppStore((state) => state.setWorkspaceView);
  const openComposerDialog = useAppStore((state) => state.openComposerDialog);

  const initial = useMemo<DraftFields>(() => {
    const content: DraftContent = {
      text: '',
      spoilerText: null,
      language: i18n.language.startsWith('de') ? 'de' : 'en',
      visibility: null,
      appendSignature: true,
    };
    const preselected = preselectedAccountId && accounts.some((a) => a.id === preselectedAccountId) ? preselectedAccountId : null;
    // With a single account there is nothing to pick.
    return { accountId: preselected ?? preselectedAccountId ?? (accounts.length === 1 ? accounts[0]!.id : null), content };
    // Only the first render decides what a brand-new draft starts with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const draft = useDraft({ workspaceId, draftKey, initial });
  const { state } = draft;
  const account = allAccounts.find((a) => a.id === state.accountId) ?? null;
  // A new post may go to several accounts, with a text per network when both networks are among them.
  const isPost = kind === 'post';
  const targetIds = isPost ? targetIdsOf(state.content, state.accountId) : [];
  const networks = isPost ? targetNetworks(targetIds, accounts) : [];
  const [variantTab, setVariantTab] = useState<VariantTab>('main');
  const tabNetwork = networks.length > 1 && variantTab !== 'main' ? variantTab : null;
  const shownText = tabNetwork ? textFor(state.content, tabNetwork) : state.content.text;
  const checkAccountId = tabNetwork ? (accounts.find((a) => a.network === tabNetwork && targetIds.includes(a.id))?.id ?? state.accountId) : state.accountId;
  const fields: DraftFields = { accountId: checkAccountId, content: tabNetwork ? { ...state.content, text: shownText } : state.content };
  const network = isPost && networks.length > 0 ? (networks.includes('mastodon') ? 'mastodon' : 'bluesky') : (account?.network ?? replyItem?.network ?? null);
  const variantPanelId = useId();
  const variantTabId = (tab: VariantTab) => `${variantPanelId}-tab-${tab}`;

  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const [mediaError, setMediaError] = useState<string | null>(null);
  const [sent, setSent] = useState<OutboxEntry | null>(null);
  const [picking, setPicking] = useState(false);
  const [planned, setPlanned] = useState<ScheduledPost[] | null>(null);
  const [choosingTime, setChoosingTime] = useState(false);
  const [pendingPlan, setPendingPlan] = useState<{ at: WallTime | { nextFreeSlot: true }; warnings: ScheduleResult['warnings'] } | null>(null);
  const checked = useComposerCheck(workspaceId, draftKey, fields, state.media, state.phase === 'ready' && !sent && !planned);

  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCursor = useRef<number | null>(null);
  const textId = useId();
  const counterId = useId();
  const hintId = useId();
  const replyingId = useId();
  const mac = useMemo(() => isMacPlatform(), []);

  useEffect(() => {
    void loadComposerContext(workspaceId);
    void loadSavedReplies(workspaceId);
  }, [loadComposerContext, loadSavedReplies, workspaceId]);

  const vars = useMemo(
    () => savedReplyVars({ author: replyItem?.author, settings: context.workspaceId === workspaceId ? context.settings : null, agents: context.agents, workspaceName }),
    [replyItem, context, workspaceId, workspaceName],
  );

  function insert(text: string) {
    const area = textareaRef.current;
    const current = draft.fieldsRef.current.content.text;
    const start = area?.selectionStart ?? current.length;
    const end = area?.selectionEnd ?? current.length;
    const edit = insertAtCursor(current, start, end, text);
    pendingCursor.current = edit.cursor;
    draft.update({ content: { text: edit.text } });
  }

  // After an insert: the cursor goes behind the inserted text (after the picker gave focus back).
  useEffect(() => {
    const cursor = pendingCursor.current;
    const area = textareaRef.current;
    if (cursor === null || !area || picking) return;
    pendingCursor.current = null;
    area.focus();
    area.setSelectionRange(cursor, cursor);
  });

  // The acknowledgement key: the saved reply is inserted once, as soon as it can be filled in.
  const initialInserted = useRef(false);
  const contextSettled = context.workspaceId === workspaceId && (context.phase === 'ready' || context.phase === 'failed');
  const repliesSettled = savedReplies.workspaceId === workspaceId && (savedReplies.phase === 'ready' || savedReplies.phase === 'failed');
  useEffect(() => {
    if (!initialSavedReplyId || initialInserted.current || state.phase !== 'ready' || !contextSettled || !repliesSettled) return;
    initialInserted.current = true;
    const reply = savedReplies.replies.find((r) => r.id === initialSavedReplyId);
    if (!reply) return;
    const text = renderSavedReply(reply.body, vars);
    // A draft that already holds it (the composer was opened again) does not get it twice.
    if (!draft.fieldsRef.current.content.text.includes(text)) insert(text);
  });

  async function send() {
    if (sending || sent || state.phase !== 'ready') return;
    const accountId = draft.fieldsRef.current.accountId;
    if (!accountId) {
      textareaRef.current?.focus();
      return;
    }
    setSending(true);
    setSendError(null);
    // Whatever autosave has in hand goes first, so no late save can bring the sent draft back.
    await draft.flush();
    const { content } = draft.fieldsRef.current;
    const outcome = await sendDraft({ workspaceId, key: draftKey, accountId, content });
    setSending(false);
    if (!outcome.ok) {
      setSendError(outcome.error);
      return;
    }
    draft.stop();
    setSent(outcome.value);
    onSent?.(outcome.value);
  }

  /** "Add to queue" or "Schedule…": one outbox entry per chosen account; a broken plan asks first. */
  async function plan(at: WallTime | { nextFreeSlot: true }, acknowledgeWarnings = false) {
    if (sending || planned || state.phase !== 'ready') return;
    const accountIds = targetIdsOf(draft.fieldsRef.current.content, draft.fieldsRef.current.accountId);
    if (accountIds.length === 0) {
      setSendError(null);
      setPlanError(t('planner.compose.chooseTargets'));
      return;
    }
    setSending(true);
    setSendError(null);
    setPlanError(null);
    await draft.flush();
    const { content } = draft.fieldsRef.current;
    const outcome = await scheduleDraft({ workspaceId, key: draftKey, accountIds, content: { ...content, targetAccountIds: accountIds }, at, acknowledgeWarnings });
    setSending(false);
    setChoosingTime(false);
    if (!outcome.ok) {
      setPlanError(t('planner.compose.failed', { reason: describeError(outcome.error, t) }));
      return;
    }
    if (!outcome.value.saved) {
      setPendingPlan({ at, warnings: outcome.value.warnings });
      return;
    }
    setPendingPlan(null);
    draft.stop();
    setPlanned(outcome.value.entries);
  }

  function toggleTarget(id: string, on: boolean) {
    const next = toggledTargets(targetIdsOf(draft.fieldsRef.current.content, draft.fieldsRef.current.accountId), id, on);
    draft.update({ accountId: next[0] ?? null, content: { targetAccountIds: next } });
  }

  function close() {
    void draft.flush();
    onClose();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const command = composerKeyCommand(event, mac, false);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    if (command === 'send') {
      if (canSendNow) void send();
    }
    else if (command === 'savedReplies') setPicking(true);
    else close();
  }

  function onTextKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // "/" at the start of an empty composer opens the saved replies instead of typing a slash.
    if (composerKeyCommand(event, mac, event.currentTarget.value === '') === 'savedReplies' && event.key === '/') {
      event.preventDefault();
      event.stopPropagation();
      setPicking(true);
    }
  }

  function editAgain(key: string) {
    if (key === draftKey) onReopen();
    else openComposerDialog({ workspaceId, key });
  }

  const problems = checked.check?.problems ?? [];
  const sendBlocked = sending || state.phase !== 'ready' || problems.length > 0 || !state.accountId;
  const planBlocked = sending || state.phase !== 'ready' || problems.length > 0 || targetIds.length === 0;
  // composer.send posts to one account; several go through the queue or a chosen time.
  const canSendNow = !isPost || targetIds.length <= 1;
  const altRequired = context.workspaceId === workspaceId && (context.settings?.requireAltText ?? false);
  const label = kind === 'reply' ? t('composer.replyLabel') : t('composer.postLabel');
  const replyName = replyItem?.author ? replyItem.author.displayName || replyItem.author.handle || null : null;
  const describedBy = [replyItem ? replyingId : null, counterId, hintId].filter(Boolean).join(' ');

  if (planned) {
    return (
      <div className="composer composer--sent">
        <PlannedStatus entries={planned} accounts={allAccounts} />
        <div className="composer__footer">
          <button
            type="button"
            className="button"
            onClick={() => {
              setWorkspaceView('planner');
              onClose();
            }}
          >
            {t('planner.compose.openPlanner')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('composer.close')}
          </button>
        </div>
      </div>
    );
  }

  if (sent) {
    return (
      <div className="composer composer--sent">
        <SendStatus workspaceId={workspaceId} entry={sent} onEdit={editAgain} />
        <div className="composer__footer">
          <button type="button" className="button" onClick={onClose}>
            {t('composer.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      <div className="composer" onKeyDown={onKeyDown}>
        <div className="composer__header">
          {replyItem && (
            <p id={replyingId} className="composer__replying">
              {replyName ? t('composer.replyingTo', { name: replyName }) : t('composer.replyingToUnknown')}
            </p>
          )}
          <SaveStatus status={draft.saveStatus} />
        </div>

        {state.phase === 'failed' && state.loadError && (
          <div role="alert" className="alert alert--error">
            <p className="alert__message">{t('composer.loadFailed', { reason: describeError(state.loadError, t) })}</p>
            <button type="button" className="button button--quiet" onClick={draft.retryLoad}>
              {t('composer.tryAgain')}
            </button>
          </div>
        )}

        {networks.length > 1 && <VariantTabs tab={variantTab} networks={networks} panelId={variantPanelId} tabId={variantTabId} onTab={setVariantTab} />}
        <label htmlFor={textId} className="sr-only">
          {label}
        </label>
        <div
          className="composer__text-wrap"
          id={networks.length > 1 ? variantPanelId : undefined}
          role={networks.length > 1 ? 'tabpanel' : undefined}
          aria-labelledby={networks.length > 1 ? variantTabId(tabNetwork ?? 'main') : undefined}
        >
          <textarea
            ref={textareaRef}
            id={textId}
            className="field__input composer__text"
            rows={kind === 'reply' ? 4 : 6}
            value={shownText}
            placeholder={state.phase === 'loading' ? t('composer.loading') : kind === 'reply' ? t('composer.placeholderReply') : t('composer.placeholderPost')}
            // While the stored draft is on its way, typing would overwrite it.
            readOnly={state.phase !== 'ready' || sending}
            aria-busy={state.phase === 'loading' || undefined}
            aria-describedby={describedBy}
            autoFocus={autoFocus}
            data-autofocus={autoFocus || undefined}
            onChange={(event) => {
              const text = event.target.value;
              draft.update({ content: tabNetwork ? withVariant(draft.fieldsRef.current.content, tabNetwork, text) : { text } });
            }}
            onKeyDown={onTextKeyDown}
            onBlur={() => void draft.flush()}
          />
          <CharCounter check={checked.check} stale={checked.stale} descriptionId={counterId} />
        </div>
        {tabNetwork && (
          <p className="composer-variants__note">
            {state.content.variants?.[tabNetwork] ? (
              <button type="button" className="button button--quiet" onClick={() => draft.update({ content: withVariant(draft.fieldsRef.current.content, tabNetwork, null) })}>
                {t('planner.compose.variantReset')}
              </button>
            ) : (
              t('planner.compose.variantSame')
            )}
          </p>
        )}

        <ComposerOptions
          accounts={accounts}
          accountId={state.accountId}
          network={network}
          content={state.content}
          signature={signatureOf(context, workspaceId, kind)}
          disabled={state.phase !== 'ready' || sending}
          onAccount={(accountId) => draft.update({ accountId })}
          onContent={(content) => draft.update({ content })}
          accountPicker={isPost ? <TargetAccounts accounts={accounts} targetIds={targetIds} disabled={state.phase !== 'ready' || sending} onToggle={toggleTarget} /> : undefined}
        />

        <MediaList
          workspaceId={workspaceId}
          draftKey={draftKey}
          media={state.media}
          altRequired={altRequired}
          disabled={sending}
          onDraft={(stored) => draft.setMedia(stored.media)}
          onError={(error) => setMediaError(t('composer.mediaFailed', { reason: describeError(error, t) }))}
        />
        {mediaError && (
          <p role="alert" className="field__error">
            {mediaError}
          </p>
        )}

        <ProblemList check={checked.check} />
        {checked.error && <p className="composer__check-error">{t('composer.checkFailed', { reason: describeError(checked.error, t) })}</p>}
        {sendError && (
          <p role="alert" className="field__error">
            {t('composer.sendFailed', { reason: describeError(sendError, t) })}
          </p>
        )}
        {planError && (
          <p role="alert" className="field__error">
            {planError}
          </p>
        )}

        <ComposerPreview check={checked.check} />

        <div className="composer__footer">
          <div className="composer__tools">
            <button type="button" className="button button--quiet" aria-keyshortcuts={mac ? 'Meta+Shift+S' : 'Control+Shift+S'} onClick={() => setPicking(true)} disabled={state.phase !== 'ready'}>
              {t('composer.savedReplies.open')}
            </button>
            <AttachButton
              media={checked.check?.media ?? null}
              count={state.media.length}
              disabled={state.phase !== 'ready' || sending}
              prepare={draft.ensureStored}
              workspaceId={workspaceId}
              draftKey={draftKey}
              onDraft={(stored) => {
                setMediaError(null);
                draft.setMedia(stored.media);
              }}
              onError={setMediaError}
            />
          </div>
          <p id={hintId} className="composer__hint">
            {t('composer.shortcutHint', { send: mac ? t('composer.shortcutSendMac') : t('composer.shortcutSend') })}
          </p>
          <div className="composer__actions">
            <button type="button" className="button button--quiet" onClick={close}>
              {t('composer.close')}
            </button>
            {isPost && (
              <>
                <button
                  type="button"
                  className="button"
                  aria-disabled={planBlocked || undefined}
                  onClick={() => {
                    if (!planBlocked) void plan({ nextFreeSlot: true });
                  }}
                >
                  {t('planner.compose.addToQueue')}
                </button>
                <button
                  type="button"
                  className="button"
                  aria-haspopup="dialog"
                  aria-disabled={planBlocked || undefined}
                  onClick={() => {
                    if (!planBlocked) setChoosingTime(true);
                  }}
                >
                  {t('planner.compose.schedule')}
                </button>
              </>
            )}
            {canSendNow ? (
              <button
                type="button"
                className="button button--primary"
                aria-keyshortcuts={mac ? 'Meta+Enter' : 'Control+Enter'}
                aria-disabled={sendBlocked || undefined}
                onClick={() => {
                  if (!sendBlocked) void send();
                }}
              >
                {sending ? t('composer.sending') : t('composer.send')}
              </button>
            ) : (
              <p className="composer__hint">{t('planner.compose.multiSendHint')}</p>
            )}
          </div>
        </div>
      </div>
      {choosingTime && (
        <ScheduleDialog workspaceId={workspaceId} accountId={targetIds[0] ?? null} onSchedule={(at) => plan(at)} onClose={() => setChoosingTime(false)} />
      )}
      {pendingPlan && (
        <PlanWarningsDialog
          warnings={pendingPlan.warnings}
          accounts={allAccounts}
          confirmLabel={t('planner.warnings.saveAnyway')}
          onConfirm={() => plan(pendingPlan.at, true)}
          onClose={() => setPendingPlan(null)}
        />
      )}
      {picking && (
        <SavedRepliesPicker
          workspaceId={workspaceId}
          messageText={replyItem?.text ?? null}
          inquiry={replyItem?.analysis?.inquiry ?? null}
          vars={vars}
          onInsert={(text) => {
            setPicking(false);
            insert(text);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </>
  );
}

function signatureOf(context: ComposerContextState, workspaceId: string, kind: 'reply' | 'post'): string | null {
  if (context.workspaceId !== workspaceId || !context.settings) return null;
  const { signaturePlacement, currentAgentId } = context.settings;
  if (signaturePlacement === 'off' || (signaturePlacement === 'replies' && kind !== 'reply')) return null;
  const agent = context.agents.find((a) => a.id === currentAgentId);
  return agent?.signature.trim() ? agent.signature.trim() : null;
}
