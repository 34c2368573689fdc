import { randomUUID } from 'node:crypto';
import { TID } from '@atproto/common-web';
import { AppError } from '../../../shared/contract/errors';
import type { OutboxEntry } from '../../../shared/contract/composer';
import type { Network } from '../../../shared/contract/items';
import type { AccountRepository } from '../accounts/accountRepository';
import type { Connector } from '../connectors/connector';
import type { CoreEvents } from '../events';
import type { HandlersFor, OutboxMethodName } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import type { Connectivity } from '../polling';
import type { Db } from '../store/database';
import { formatLocal, resolveWallTime } from '../../../shared/planner/wallTime';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './failures';
import { PublishingSettingsStore } from './publishingSettings';
import { OutboxRepository, toEntry } from './outboxRepository';
import { createPublisher } from './publisher';
import { entryToDraft } from './toDraft';

export { type RetryPolicy } from './failures';
export { PublishingSettingsStore } from './publishingSettings';

export interface OutboxDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  accounts: AccountRepository;
  items: ItemStore;
  connectors: Partial<Record<Network, Connector>>;
  connectivity?: Connectivity;
  log: (message: string) => void;
  /** A reply to an inbox item was published. */
  onPublished(entry: OutboxEntry): void;
  onReconnectNeeded?: (accountId: string) => void;
  /** Automatic retries of transient failures (tests shorten them). */
  retryPolicy?: RetryPolicy;
  /** How long one publish (uploads included) may take. */
  publishTimeoutMs?: number;
}

/** What the composer hands to the outbox: the post as it will go out. */
export interface OutboxPost {
  workspaceId: string;
  accountId: string;
  inboxItemId: number | null;
  replyToItemId: number | null;
  text: string;
  spoilerText: string | null;
  language: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct' | null;
  /** Publish at (default: now) in this IANA zone (the planner's wall-clock time). */
  dueAt?: Date;
  timeZone?: string | null;
  /**
   * The wall time ("YYYY-MM-DDTHH:MM") in `timeZone` the post is planned for. When given, the
   * due instant is derived from it (dueAt is ignored) and again at every start, so neither the
   * machine's zone nor a change of the zone rules shifts it. A time in a DST gap is stored as
   * the first minute after the gap (see shared/planner/wallTime.ts).
   */
  dueLocal?: string | null;
  /** The draft whose media rows move to the new entry. */
  mediaFromDraftId: string | null;
  /** 'copy' leaves the draft's media rows in place and gives the entry copies (a draft for several accounts); default 'move'. */
  mediaMode?: 'move' | 'copy';
}

export interface OutboxFeature {
  handlers: HandlersFor<OutboxMethodName>;
  /**
   * Must be called inside the caller's transaction. Writes the entry in state 'scheduled' with
   * its idempotency key chosen now (Bluesky: a TID, which becomes the post's record key;
   * Mastodon: a UUID for the Idempotency-Key header), the body (text, spoilerText, language,
   * visibility, and the replied-to post's remote id) and due time, and re-parents the draft's
   * media rows to the entry: `UPDATE media SET outbox_id = <entry>, draft_id = NULL WHERE
   * draft_id = <mediaFromDraftId>`, so the caller may delete the draft row afterwards in the same
   * transaction without losing the attachments. Nothing is sent and no event goes out until the
   * caller commits and calls kick(). Throws AppError for an account of another workspace or a
   * network that cannot publish, and for a reply target that is unknown or of another network.
   */
  enqueue(post: OutboxPost): OutboxEntry;
  /** Publishes what is due now, soon (after enqueue, this is called by the caller after commit). */
  kick(): void;
  /** Reconciles entries left in 'publishing' by a crash, then publishes what is due, and keeps a timer for later ones. */
  start(): void;
  /** Looks for due entries now and (re)arms the timer for the next scheduled one; the scheduler of issue 5 builds on it. */
  tick(): void;
  /**
   * Derives every planned entry's due instant from its wall time and zone afresh (start() does
   * it first); returns how many moved. The publisher itself only ever compares UTC instants.
   */
  recomputeDueTimes(): number;
  /** Aborts publishes in flight (they stay 'publishing' and are reconciled on the next start); resolves when every worker stopped. */
  close(): Promise<void>;
}

const PUBLISHABLE: ReadonlySet<string> = new Set<Network>(['bluesky', 'mastodon']);

/**
 * The outbox of DESIGN.md "Publishing": draft -> scheduled -> publishing -> published | failed,
 * every transition written before the network call, exactly once across crashes (see
 * publisher.ts for the run loop and failures.ts for what is retried).
 */
export function createOutboxFeature(deps: OutboxDeps): OutboxFeature {
  const repo = new OutboxRepository(deps.db);
  const publishingSettings = new PublishingSettingsStore(deps.db);
  const publisher = createPublisher({
    ...deps,
    repo,
    retryPolicy: deps.retryPolicy ?? DEFAULT_RETRY_POLICY,
    lateLimitMs: (workspaceId) => publishingSettings.get(workspaceId).lateLimitMinutes * 60_000,
  });

  function recomputeDueTimes(): number {
    return deps.db.transaction(() => {
      let moved = 0;
      // Queues repeat the same slots: each wall time is resolved once per pass.
      const resolved = new Map<string, number>();
      for (const row of repo.planned()) {
        let dueMs: number;
        try {
          const key = `${row.time_zone} ${row.due_local}`;
          dueMs = resolved.get(key) ?? resolveWallTime(row.due_local, row.time_zone).ms;
          resolved.set(key, dueMs);
        } catch (error) {
          // A zone this runtime no longer knows: keep the instant we had rather than lose the post.
          deps.log(`[outbox] ${row.id}: cannot read ${row.due_local} in ${row.time_zone}: ${String(error)}`);
          continue;
        }
        if (dueMs !== row.due_ms) {
          repo.setDue(row.id, dueMs);
          moved++;
        }
      }
      return moved;
    })();
  }

  const entryIn = (workspaceId: string, id: string) => {
    const row = repo.get(id);
    if (!row || row.workspace_id !== workspaceId) throw new AppError('not_found', `There is no outbox entry ${id} in this workspace.`);
    return row;
  };

  const handlers: HandlersFor<OutboxMethodName> = {
    'outbox.list': ({ workspaceId, states, limit }) => {
      if (!repo.workspaceExists(workspaceId)) throw new AppError('not_found', `There is no workspace ${workspaceId}.`);
      return { entries: repo.list(workspaceId, states, limit ?? 100).map(toEntry) };
    },
    'outbox.retry': ({ workspaceId, id }) => {
      const row = entryIn(workspaceId, id);
      if (row.state !== 'failed') throw new AppError('conflict', `Only a failed post can be retried; this one is ${row.state}.`);
      // A planned post retried by hand is planned for now: its wall time says when it went out,
      // and the lateness limit counts from here (a restart derives the same instant again).
      const now = deps.now();
      const dueLocal = row.due_local && row.time_zone ? formatLocal(now.getTime(), row.time_zone) : null;
      if (!repo.retry(id, now, dueLocal)) throw new AppError('conflict', 'The post changed meanwhile; look again.');
      publisher.forgetFailures(id);
      const entry = toEntry(repo.get(id)!);
      deps.events.emit('outbox.changed', { workspaceId, entry });
      publisher.kick();
      return entry;
    },
    'outbox.edit': ({ workspaceId, id }) => {
      const row = entryIn(workspaceId, id);
      // A scheduled entry that was never tried has not reached the network; anything tried and
      // waiting for its automatic retry might have, and must finish (or fail) first.
      const editable = row.state === 'failed' || (row.state === 'scheduled' && row.attempts === 0);
      if (!editable) throw new AppError('conflict', `This post is ${row.state} and cannot be edited now.`);
      const draft = deps.db.transaction(() => {
        const fresh = repo.get(id);
        if (!fresh || fresh.state !== row.state) throw new AppError('conflict', 'The post changed meanwhile; look again.');
        return entryToDraft(deps.db, fresh, deps.now());
      })();
      publisher.forgetFailures(id);
      deps.events.emit('outbox.changed', { workspaceId, entry: toEntry(row), removed: true });
      return draft;
    },
  };

  return {
    handlers,
    enqueue(post) {
      const account = deps.accounts.get(post.accountId);
      if (account.workspaceId !== post.workspaceId) throw new AppError('invalid_params', 'The account belongs to another workspace.');
      if (!PUBLISHABLE.has(account.network)) throw new AppError('invalid_params', `Posts cannot be published to ${account.network}.`);
      const network = account.network as Network;
      let replyToRemoteId: string | null = null;
      if (post.replyToItemId !== null) {
        const target = repo.replyTarget(post.replyToItemId);
        if (!target) throw new AppError('not_found', `There is no item ${post.replyToItemId} to reply to.`);
        if (target.network !== network) throw new AppError('invalid_params', `A reply to a ${target.network} post must be sent from a ${target.network} account.`);
        replyToRemoteId = target.remoteId;
      }
      const now = deps.now();
      let dueMs = (post.dueAt ?? now).getTime();
      let dueLocal: string | null = null;
      if (post.dueLocal) {
        if (!post.timeZone) throw new AppError('invalid_params', 'A wall time needs its time zone.');
        let resolved;
        try {
          resolved = resolveWallTime(post.dueLocal, post.timeZone);
        } catch (error) {
          throw new AppError('invalid_params', error instanceof Error ? error.message : String(error));
        }
        dueMs = resolved.ms;
        dueLocal = resolved.local;
      }
      const copy = post.mediaMode === 'copy';
      const row = repo.insert(
        {
          workspaceId: post.workspaceId,
          accountId: account.id,
          network,
          inboxItemId: post.inboxItemId,
          replyToItemId: post.replyToItemId,
          idempotencyKey: network === 'bluesky' ? TID.nextStr() : randomUUID(),
          body: { text: post.text, spoilerText: post.spoilerText, language: post.language, visibility: post.visibility, replyToRemoteId },
          dueMs,
          timeZone: post.timeZone ?? null,
          dueLocal,
        },
        copy ? null : post.mediaFromDraftId,
        now,
      );
      if (copy && post.mediaFromDraftId !== null) repo.copyDraftMedia(post.mediaFromDraftId, row.id, now);
      publisher.announceAfterCommit(row.id);
      return toEntry(row);
    },
    kick: () => publisher.kick(),
    start: () => {
      recomputeDueTimes();
      publisher.start();
    },
    tick: () => publisher.tick(),
    recomputeDueTimes,
    close: () => publisher.close(),
  };
}
