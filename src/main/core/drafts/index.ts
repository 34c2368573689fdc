import type { ComposerCheck, Draft, DraftContent, OutboxEntry } from '../../../shared/contract/composer';
import { AppError } from '../../../shared/contract/errors';
import type { AccountRepository } from '../accounts/accountRepository';
import { checkDraft, isPostingNetwork, type PostingNetwork } from '../composer/check';
import type { CoreEvents } from '../events';
import type { DraftMethodName, HandlersFor } from '../featureHandlers';
import type { InboxService } from '../inbox';
import type { ItemStore } from '../items/itemStore';
import type { OutboxFeature } from '../outbox';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import { DraftRepository, EMPTY_CONTENT } from './draftRepository';
import { DraftTargets, isReplyKey } from './draftTargets';
import { assertTypeMatches, decodeBase64, normaliseMimeType } from './mediaBytes';

export interface DraftsDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  items: ItemStore;
  inbox: InboxService;
  outbox: OutboxFeature;
}

export interface DraftsFeature {
  handlers: HandlersFor<DraftMethodName>;
  repository: DraftRepository;
}

/** More than any network takes; a bound so that a runaway client cannot fill the disk through one draft. */
export const MAX_MEDIA_PER_DRAFT = 20;

/**
 * Drafts (autosaved, found again by key after a crash), their media, the composer's check, and
 * sending: a draft becomes an outbox entry in one transaction.
 */
export function createDraftsFeature(deps: DraftsDeps): DraftsFeature {
  const { db, workspaces, accounts, inbox, outbox } = deps;
  const repository = new DraftRepository(db, deps.now);
  const targets = new DraftTargets(db, deps);

  /** The account, if it is one of the workspace's. */
  function accountIn(workspaceId: string, accountId: string) {
    try {
      const account = accounts.get(accountId);
      return account.workspaceId === workspaceId ? account : null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }

  function assertAccountIn(workspaceId: string, accountId: string): void {
    if (!accountIn(workspaceId, accountId)) throw new AppError('not_found', `The account ${accountId} is not one of this workspace's accounts.`);
  }

  function save(workspaceId: string, key: string, accountId: string | null, content: DraftContent): Draft {
    // The autosave's path: one statement.
    const updated = repository.update(workspaceId, key, accountId, content);
    if (updated) return updated;
    workspaces.get(workspaceId);
    if (accountId) assertAccountIn(workspaceId, accountId);
    const target = targets.resolve(workspaceId, key);
    return repository.insert({
      workspaceId,
      key,
      inboxItemId: target.inboxItemId,
      replyToItemId: target.replyToItemId,
      accountId: accountId ?? target.defaultAccountId,
      content,
    });
  }

  function requireDraft(workspaceId: string, key: string): Draft {
    const draft = repository.get(workspaceId, key);
    if (!draft) throw new AppError('not_found', `There is no draft ${key} in this workspace.`);
    return draft;
  }

  function check(workspaceId: string, key: string, accountId: string | null, content: DraftContent): ComposerCheck {
    const draft = repository.get(workspaceId, key);
    const target = draft
      ? { replyToItemId: draft.replyToItemId, defaultAccountId: draft.accountId }
      : targets.resolve(workspaceId, key);
    const chosen = accountId ?? target.defaultAccountId;
    let account = chosen ? accountIn(workspaceId, chosen) : null;
    const replyNetwork = target.replyToItemId !== null ? targets.networkOf(target.replyToItemId) : null;
    // A reply goes out on the network of the post it answers, from an account of that network.
    if (account && (!isPostingNetwork(account.network) || (replyNetwork !== null && account.network !== replyNetwork))) account = null;
    const network: PostingNetwork = account && isPostingNetwork(account.network) ? account.network : replyNetwork !== null && isPostingNetwork(replyNetwork) ? replyNetwork : 'bluesky';
    const settings = inbox.settings(workspaceId);
    return checkDraft({
      network,
      account,
      content,
      media: draft?.media ?? [],
      isReply: isReplyKey(key),
      settings,
      signature: inbox.currentAgent(workspaceId)?.signature ?? null,
    });
  }

  const handlers: HandlersFor<DraftMethodName> = {
    'drafts.get': ({ workspaceId, key }) => ({ draft: repository.get(workspaceId, key) }),
    'drafts.list': ({ workspaceId }) => ({ drafts: repository.list(workspaceId) }),
    'drafts.save': ({ workspaceId, key, accountId, content }) => save(workspaceId, key, accountId, content),
    'drafts.discard': ({ workspaceId, key }) => {
      repository.discard(workspaceId, key);
      return { key };
    },
    'drafts.addMedia': ({ workspaceId, key, media }) => {
      const mimeType = normaliseMimeType(media.mimeType);
      const bytes = decodeBase64(media.dataBase64, media.fileName);
      assertTypeMatches(bytes, mimeType, media.fileName);
      return db.transaction(() => {
        const draft = repository.get(workspaceId, key) ?? save(workspaceId, key, null, EMPTY_CONTENT);
        if (repository.mediaCount(draft.id) >= MAX_MEDIA_PER_DRAFT) {
          throw new AppError('invalid_params', `A draft holds at most ${MAX_MEDIA_PER_DRAFT} files.`);
        }
        repository.addMedia(draft.id, { fileName: media.fileName, mimeType, alt: media.alt ?? '', bytes });
        return requireDraft(workspaceId, key);
      })();
    },
    'drafts.setMediaAlt': ({ workspaceId, key, mediaId, alt }) => {
      const draft = requireDraft(workspaceId, key);
      if (!repository.setMediaAlt(draft.id, mediaId, alt)) throw new AppError('not_found', `The draft has no file ${mediaId}.`);
      return requireDraft(workspaceId, key);
    },
    'drafts.removeMedia': ({ workspaceId, key, mediaId }) => {
      const draft = requireDraft(workspaceId, key);
      if (!repository.removeMedia(draft.id, mediaId)) throw new AppError('not_found', `The draft has no file ${mediaId}.`);
      return requireDraft(workspaceId, key);
    },
    'drafts.mediaData': ({ workspaceId, mediaId }) => {
      const found = repository.mediaData(workspaceId, mediaId);
      if (!found) throw new AppError('not_found', `There is no file ${mediaId} in this workspace.`);
      return { media: found.media, dataBase64: found.bytes.toString('base64') };
    },
    'composer.check': ({ workspaceId, key, accountId, content }) => check(workspaceId, key, accountId, content),
    'composer.send': ({ workspaceId, key, accountId, content }) => {
      workspaces.assertLive(workspaceId);
      const send = db.transaction((): { entry: OutboxEntry } | { problems: ComposerCheck['problems'] } => {
        const draft = save(workspaceId, key, accountId, content);
        const checked = check(workspaceId, key, accountId, content);
        if (checked.problems.length > 0) return { problems: checked.problems };
        const entry = outbox.enqueue({
          workspaceId,
          accountId,
          inboxItemId: draft.inboxItemId,
          replyToItemId: draft.replyToItemId,
          text: checked.finalText,
          spoilerText: checked.network === 'mastodon' && content.spoilerText?.trim() ? content.spoilerText : null,
          language: content.language,
          visibility: checked.network === 'mastodon' ? content.visibility : null,
          mediaFromDraftId: draft.id,
        });
        repository.deleteSent(draft.id);
        return { entry };
      });
      let outcome: ReturnType<typeof send>;
      try {
        outcome = send();
      } catch (error) {
        // The rollback took the text typed since the last autosave with it: keep it as a draft.
        try {
          save(workspaceId, key, accountId, content);
        } catch {
          // The original error is the one to report.
        }
        throw error;
      }
      // The draft was saved either way; only a clean check reaches the outbox.
      if ('problems' in outcome) {
        throw new AppError('invalid_params', `The post cannot be sent: ${outcome.problems.map((p) => p.message).join(' ')}`, {
          details: { problems: outcome.problems.map((p) => p.code).join(',') },
        });
      }
      outbox.kick();
      return outcome.entry;
    },
  };

  return { handlers, repository };
}
