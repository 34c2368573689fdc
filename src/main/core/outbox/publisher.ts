import type { OutboxEntry } from '../../../shared/contract/composer';
import type { Network } from '../../../shared/contract/items';
import { ConnectorError, type Connector, type PublishRequest, type PublishResult } from '../connectors/connector';
import type { CoreEvents } from '../events';
import type { ItemStore } from '../items/itemStore';
import { alwaysOnline, type Connectivity } from '../polling';
import type { Db } from '../store/database';
import { classifyFailure, type RetryPolicy } from './failures';
import { parseBody, toEntry, type OutboxError, type OutboxRepository, type OutboxRow } from './outboxRepository';

/** One publish, uploads included, may take this long before it counts as a timeout. */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 120_000;
/** setTimeout cannot wait longer (about 24.8 days); a later entry is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface PublisherDeps {
  db: Db;
  repo: OutboxRepository;
  now: () => Date;
  events: CoreEvents;
  items: ItemStore;
  connectors: Partial<Record<Network, Connector>>;
  connectivity?: Connectivity;
  log: (message: string) => void;
  onPublished(entry: OutboxEntry): void;
  onReconnectNeeded?: (accountId: string) => void;
  retryPolicy: RetryPolicy;
  publishTimeoutMs?: number;
  /** The workspace's lateness limit in ms: an entry picked up later than that after its due time waits for the user. */
  lateLimitMs(workspaceId: string): number;
}

/**
 * Timers fire a little late and clocks step; an entry is only "too late" by more than the limit
 * plus this, so a limit of 0 still publishes what the timer picks up on time.
 */
export const LATE_GRACE_MS = 60_000;

export interface Publisher {
  start(): void;
  kick(): void;
  tick(): void;
  /** An entry was enqueued in a transaction that is not committed yet: announce it at the next kick. */
  announceAfterCommit(id: string): void;
  /** A manual retry or edit starts the automatic retry count afresh. */
  forgetFailures(id: string): void;
  close(): Promise<void>;
}

/**
 * The outbox's run loop.
 * - Each account publishes one entry at a time (its posts keep their order; a network's rate
 *   limit is per account); accounts run in parallel.
 * - Per entry: scheduled -> publishing (attempts + 1) is committed BEFORE any network call.
 *   Then, if an earlier attempt may have reached the network (attempts before this one, or a
 *   leftover of a crash), the connector's findPublished asks whether the post exists under our
 *   idempotency key; if not, publishPost sends it with that same key, which the network itself
 *   deduplicates. The answer is committed as 'published' together with the post stored as an
 *   item (in the account's hidden inbox stream, so threads and contact histories show it).
 * - A failure is classified (failures.ts): offline waits for the network, transient ones are
 *   rescheduled with backoff a few times, the rest fail with their reason and wait for the user.
 * - Entries left 'publishing' by a crash are reconciled on start() the same way, never sent
 *   blindly again.
 * - close() aborts what is in flight; nothing touches the store afterwards (the core closes it
 *   right away), and the interrupted entries stay 'publishing' for the next start.
 */
export function createPublisher(deps: PublisherDeps): Publisher {
  const { repo } = deps;
  const connectivity = deps.connectivity ?? alwaysOnline;
  const busyAccounts = new Set<string>();
  const inFlight = new Map<string, AbortController>();
  const workers = new Set<Promise<void>>();
  /** Entries found 'publishing' at start: left over from the previous run. */
  const leftovers = new Set<string>();
  /** Consecutive transient failures per entry, for the backoff; a restart starts afresh. */
  const failures = new Map<string, number>();
  const announce = new Set<string>();
  let kickPending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  let started = false;
  let closed = false;

  const emit = (row: OutboxRow) => deps.events.emit('outbox.changed', { workspaceId: row.workspace_id, entry: toEntry(row) });
  const emitById = (id: string) => {
    const row = repo.get(id);
    if (row) emit(row);
  };

  function kick(): void {
    if (closed || kickPending) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      tick();
    });
  }

  function tick(): void {
    if (closed) return;
    for (const id of announce) emitById(id);
    announce.clear();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!started) return;
    if (!connectivity.isOnline()) return; // the online listener kicks again
    const nowMs = deps.now().getTime();
    const candidates = [...repo.publishing().filter((row) => leftovers.has(row.id)), ...repo.due(nowMs)];
    for (const row of candidates) {
      const key = accountKey(row);
      if (!busyAccounts.has(key)) runAccount(key);
    }
    armTimer();
  }

  function armTimer(): void {
    const nowMs = deps.now().getTime();
    const next = repo.nextDueMs();
    if (next === null) return;
    if (next > nowMs) {
      timer = setTimeout(tick, Math.min(MAX_TIMER_MS, next - nowMs));
      timer.unref?.();
      return;
    }
    // Due now: a busy account's worker takes its own entries and re-arms when it is done;
    // an entry of an idle account (it fell due a moment ago) needs a tick.
    if (repo.due(nowMs).some((row) => !busyAccounts.has(accountKey(row)))) kick();
  }

  /** Works through one account's due entries, one at a time. */
  function runAccount(key: string): void {
    busyAccounts.add(key);
    const worker = (async () => {
      try {
        for (;;) {
          if (closed || !connectivity.isOnline()) return;
          const row = nextFor(key);
          if (!row) return;
          await publishOne(row);
        }
      } catch (error) {
        deps.log(`[outbox] publishing stopped unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        busyAccounts.delete(key);
      }
    })();
    workers.add(worker);
    void worker.finally(() => {
      workers.delete(worker);
      if (!closed) armTimerIfIdle();
    });
  }

  function armTimerIfIdle(): void {
    if (timer === null && started && !closed) armTimer();
  }

  function nextFor(key: string): OutboxRow | null {
    const leftover = repo.publishing().find((row) => leftovers.has(row.id) && accountKey(row) === key);
    if (leftover) return leftover;
    return repo.due(deps.now().getTime()).find((row) => accountKey(row) === key) ?? null;
  }

  async function publishOne(row: OutboxRow): Promise<void> {
    const from = row.state === 'publishing' ? 'publishing' : 'scheduled';
    const reconciling = leftovers.delete(row.id) || row.attempts > 0;
    const now = deps.now();
    if (from === 'scheduled') {
      const lateMs = now.getTime() - row.due_ms;
      const limitMs = deps.lateLimitMs(row.workspace_id);
      if (lateMs > limitMs + LATE_GRACE_MS) return failNow(row, from, tooLate(row, lateMs, limitMs));
    }
    const connector = deps.connectors[row.network];
    if (row.account_id === null) return failNow(row, from, { code: 'no_account', message: 'The account of this post was removed.' });
    if (!connector?.publishPost) return failNow(row, from, { code: 'not_supported', message: `Publishing to ${row.network} is not available.` });
    const replyTo = replyTargetOf(row);
    if (replyTo === 'gone') return failNow(row, from, { code: 'not_found', message: 'The post this replies to is no longer stored.' });

    // The transition is committed before anything goes out.
    if (!repo.begin(row.id, from, now)) return;
    emitById(row.id);

    const controller = new AbortController();
    inFlight.set(row.id, controller);
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(deps.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS)]);
    const body = parseBody(row);
    const request: PublishRequest = {
      accountId: row.account_id,
      idempotencyKey: row.idempotency_key,
      text: body.text,
      spoilerText: body.spoilerText,
      language: body.language,
      visibility: body.visibility,
      replyTo,
      media: repo.media(row.id).map((m) => ({ bytes: new Uint8Array(m.bytes), mimeType: m.mime_type, alt: m.alt })),
      signal,
    };
    let result: PublishResult | null = null;
    let failure: unknown = null;
    try {
      if (reconciling && connector.findPublished) result = await connector.findPublished(request);
      result ??= await connector.publishPost(request);
    } catch (error) {
      failure = error;
    } finally {
      inFlight.delete(row.id);
    }
    // Shut down meanwhile: the store may be closed; the entry stays 'publishing' for the next start.
    if (closed) return;
    if (result) finishPublished(row, result);
    else handleFailure(row, failure);
  }

  /** The post replied to, from the body (kept at enqueue) and the stored item's payload; 'gone' if a reply lost its target. */
  function replyTargetOf(row: OutboxRow): PublishRequest['replyTo'] | 'gone' {
    const fromBody = parseBody(row).replyToRemoteId;
    const stored = row.reply_to_item !== null ? repo.replyTarget(row.reply_to_item) : null;
    if (stored && (fromBody === null || stored.remoteId === fromBody)) return { remoteId: stored.remoteId, raw: stored.raw };
    if (fromBody !== null) return { remoteId: fromBody, raw: null };
    return row.reply_to_item !== null || row.inbox_id !== null ? 'gone' : null;
  }

  function finishPublished(row: OutboxRow, result: PublishResult): void {
    const now = deps.now();
    const created = Date.parse(result.item.createdAt);
    const publishedAt = Number.isNaN(created) ? now : new Date(Math.min(created, now.getTime()));
    let stored: boolean;
    try {
      stored = deps.db.transaction(() => {
        const itemId = storeItem(row, result);
        const moved = repo.markPublished(row.id, { remoteId: result.remoteId, url: result.url, itemId, publishedAt }, now);
        if (moved) repo.dropMedia(row.id);
        return moved;
      })();
    } catch (error) {
      deps.items.discardCachedAuthors();
      // Published, but not recorded: reconcile (findPublished / same key) instead of losing it.
      deps.log(`[outbox] ${row.id} was published as ${result.remoteId} but could not be recorded: ${String(error)}`);
      leftovers.add(row.id);
      setTimeout(kick, 5_000).unref?.();
      return;
    }
    failures.delete(row.id);
    if (!stored) return;
    const fresh = repo.get(row.id)!;
    emit(fresh);
    try {
      deps.onPublished(toEntry(fresh));
    } catch (error) {
      deps.log(`[outbox] after publishing ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The post as an item: in the account's hidden inbox stream if it has one, else stored on its own. */
  function storeItem(row: OutboxRow, result: PublishResult): number | null {
    const streamId = row.account_id ? repo.inboxStreamOf(row.account_id) : null;
    if (streamId) {
      deps.items.ingestInTransaction(streamId, [result.item]);
      return repo.itemIdOf(result.item.network, result.item.remoteId);
    }
    return deps.items.upsertItems([result.item])[0] ?? null;
  }

  function handleFailure(row: OutboxRow, error: unknown): void {
    const count = (failures.get(row.id) ?? 0) + 1;
    const outcome = classifyFailure(error, { online: connectivity.isOnline(), failures: count, policy: deps.retryPolicy });
    const now = deps.now();
    if (!(error instanceof ConnectorError)) deps.log(`[outbox] ${row.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    switch (outcome.kind) {
      case 'wait_online':
        repo.reschedule(row.id, now.getTime(), outcome.error, now);
        break;
      case 'retry':
        failures.set(row.id, count);
        repo.reschedule(row.id, now.getTime() + outcome.delayMs, outcome.error, now);
        break;
      case 'fail':
        failures.delete(row.id);
        repo.fail(row.id, 'publishing', outcome.error, now);
        if (outcome.reconnect && row.account_id) deps.onReconnectNeeded?.(row.account_id);
        break;
    }
    emitById(row.id);
  }

  function failNow(row: OutboxRow, from: 'scheduled' | 'publishing', error: OutboxError): void {
    if (repo.fail(row.id, from, error, deps.now())) emitById(row.id);
  }

  return {
    start() {
      if (started || closed) return;
      started = true;
      for (const row of repo.publishing()) leftovers.add(row.id);
      unsubscribe = connectivity.subscribe((online) => {
        if (online) kick();
      });
      kick();
    },
    kick,
    tick,
    announceAfterCommit: (id) => announce.add(id),
    forgetFailures: (id) => failures.delete(id),
    async close() {
      if (closed) return;
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      unsubscribe?.();
      for (const controller of inFlight.values()) controller.abort(new Error('The outbox is closing.'));
      await Promise.allSettled([...workers]);
    },
  };
}

/** Why a post that missed its time waits for the user, in words: when it was due and how late it is. */
function tooLate(row: OutboxRow, lateMs: number, limitMs: number): OutboxError {
  const due = row.due_local && row.time_zone ? `${row.due_local.replace('T', ' ')} (${row.time_zone})` : new Date(row.due_ms).toISOString();
  return {
    code: 'too_late',
    message: `Due at ${due}, it is ${formatDuration(lateMs)} late, more than this workspace's limit of ${Math.round(limitMs / 60_000)} minutes; retry to publish it anyway, or move it.`,
  };
}

function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', `${minutes % 60} min`].filter(Boolean);
  return parts.join(' ');
}

/** Entries without an account fail on their own; each gets a key of its own so it is not stuck behind others. */
function accountKey(row: OutboxRow): string {
  return row.account_id ?? `entry:${row.id}`;
}
