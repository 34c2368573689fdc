import type { Network } from '../../../shared/contract/items';
import { IDLE_STATUS, type PollStatus } from '../../../shared/contract/streams';
import type { Connector } from '../connectors/connector';
import type { CoreEvents } from '../events';
import type { ItemStore } from '../items/itemStore';
import { createPoller, type Connectivity, type PolledStream, type Poller, type PollStatus as PollerStatus } from '../polling';
import type { Db } from '../store/database';
import type { StreamScheduler } from './streamHandlers';
import type { StreamRecord, StreamRepository } from './streamRepository';

export interface StreamPollingDeps {
  db: Db;
  streams: StreamRepository;
  items: ItemStore;
  events: CoreEvents;
  connectors: Partial<Record<Network, Connector>>;
  connectivity?: Connectivity;
  log: (message: string) => void;
  /** An account's credentials failed: mark it so the user is asked to reconnect it. */
  onReconnectNeeded?: (accountId: string) => void;
  /**
   * Items newly linked to an inbox source or a "needs answer" column, called inside the poll's
   * transaction so that stored items and their inbox entries commit together.
   */
  intake?: (streamId: string, itemIds: readonly number[]) => void;
}

export interface StreamPolling {
  scheduler: StreamScheduler;
  poller: Poller;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Joins the poller to the store and the UI: a poll's items and its new cursor are written in
 * one transaction, and every status change and arrival becomes an event for the columns.
 */
export function createStreamPolling(deps: StreamPollingDeps): StreamPolling {
  const { db, streams, items, events } = deps;
  const workspaceOf = new Map<string, string>();
  const accountOf = new Map<string, string>();
  /** Inbox sources poll like columns but tell the deck nothing. */
  const hidden = new Set<string>();

  const polled = (stream: StreamRecord): PolledStream => {
    workspaceOf.set(stream.id, stream.workspaceId);
    if (stream.role === 'inbox') hidden.add(stream.id);
    if (stream.accountId) accountOf.set(stream.id, stream.accountId);
    return {
      spec: { id: stream.id, network: stream.network, kind: stream.kind, query: stream.query, accountId: stream.accountId },
      intervalMs: stream.intervalMs,
      cursor: stream.cursor,
      paused: stream.paused,
    };
  };

  // Archived workspaces keep their streams but do not poll them.
  const liveStreamIds = db.prepare(
    'SELECT s.id FROM streams s JOIN workspaces w ON w.id = s.workspace_id WHERE w.archived_at IS NULL',
  );

  const itemIdOf = db.prepare('SELECT id FROM items WHERE network = ? AND remote_id = ?');
  const linkedItemOf = db.prepare(
    'SELECT i.id FROM items i JOIN stream_items si ON si.item_id = i.id AND si.stream_id = ? WHERE i.network = ? AND i.remote_id = ?',
  );
  const idsOf = (incoming: Parameters<ItemStore['ingest']>[1], query: (item: { network: string; remoteId: string }) => unknown) => {
    const ids = new Set<number>();
    for (const item of incoming) {
      const row = query(item) as { id: number } | undefined;
      if (row) ids.add(row.id);
    }
    return ids;
  };

  const commit = db.transaction((streamId: string, incoming: Parameters<ItemStore['ingest']>[1], cursor: unknown) => {
    const stream = streams.get(streamId); // throws not_found: a removed stream stores nothing
    const feedsInbox = deps.intake !== undefined && (stream.role === 'inbox' || stream.needsAnswer);
    const linkedBefore = feedsInbox ? idsOf(incoming, (item) => linkedItemOf.get(streamId, item.network, item.remoteId)) : null;
    const { added } = items.ingestInTransaction(streamId, incoming);
    streams.saveCursor(streamId, (cursor ?? null) as Record<string, unknown> | null);
    if (linkedBefore && added > 0) {
      const newlyLinked = [...idsOf(incoming, (item) => itemIdOf.get(item.network, item.remoteId))].filter((id) => !linkedBefore.has(id));
      try {
        deps.intake?.(streamId, newlyLinked);
      } catch (error) {
        // The inbox rolled back its own part; the column still gets its items and cursor.
        deps.log(`[inbox] intake for stream ${streamId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return added;
  });

  const poller = createPoller({
    connectors: deps.connectors,
    store: {
      listStreams: () => {
        const live = new Set((liveStreamIds.all() as Array<{ id: string }>).map((row) => row.id));
        return streams.listAll().filter((s) => live.has(s.id)).map(polled);
      },
      commitPoll: (streamId, incoming, cursor) => {
        try {
          return commit(streamId, incoming, cursor);
        } catch (error) {
          items.discardCachedAuthors(); // rolled back: authors written in it are gone
          throw error;
        }
      },
    },
    connectivity: deps.connectivity,
    onStatus: (streamId, status) => {
      if (status.state === 'reconnect_needed') {
        const accountId = accountOf.get(streamId);
        if (accountId) deps.onReconnectNeeded?.(accountId);
      }
      const workspaceId = workspaceOf.get(streamId);
      if (workspaceId && !hidden.has(streamId)) events.emit('poll.status', { workspaceId, streamId, status: toContractStatus(status) });
    },
    onItemsStored: (streamId, added) => {
      const workspaceId = workspaceOf.get(streamId);
      if (workspaceId && !hidden.has(streamId)) events.emit('items.added', { workspaceId, streamId, added, unread: items.unreadCount(streamId) });
    },
    log: {
      debug: () => {},
      warn: (message, data) => deps.log(`[poller] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`),
    },
  });

  // Archiving or restoring a workspace starts or stops its streams.
  let unsubscribe: (() => void) | null = null;

  const scheduler: StreamScheduler = {
    added: (streamId) => poller.add(polled(streams.get(streamId))),
    removed: (streamId) => {
      poller.remove(streamId);
      workspaceOf.delete(streamId);
      hidden.delete(streamId);
    },
    refresh: (streamId) => {
      poller.refresh(streamId);
    },
    resumeAccount: (accountId) => poller.resumeAccount(accountId),
    status: (streamId) => {
      const status = poller.getStatus(streamId);
      return status ? toContractStatus(status) : IDLE_STATUS;
    },
  };

  return {
    scheduler,
    poller,
    start() {
      unsubscribe ??= events.subscribe((event) => {
        if (event === 'workspaces.changed') poller.reload();
      });
      poller.start();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      await poller.stop();
    },
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function toContractStatus(status: PollerStatus): PollStatus {
  return {
    state: status.state,
    lastPollAt: iso(status.lastPollAt),
    lastSuccessAt: iso(status.lastSuccessAt),
    nextPollAt: iso(status.nextPollAt),
    lastError: status.lastError,
    rateLimitedUntil: iso(status.rateLimitedUntil),
    itemsLastPoll: status.itemsLastPoll,
  };
}
