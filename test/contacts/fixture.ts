import { randomUUID } from 'node:crypto';
import { createContactHandlers } from '../../src/main/core/contacts';
import { createDispatcher, type HandlerTable } from '../../src/main/core/dispatch';
import { ItemStore } from '../../src/main/core/items/itemStore';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { ItemAuthor, Network } from '../../src/shared/contract/items';
import { anItem } from '../support/items';
import { tempDir } from '../support/tempDir';

export interface ContactsFixture {
  store: Store;
  items: ItemStore;
  streams: StreamRepository;
  workspaces: WorkspaceRepository;
  /** Calls a contacts method through the real dispatcher: params and result checked against the contract. */
  call<T>(method: string, params: unknown): Promise<T>;
  /** Who "me" is per workspace, as the inbox settings would say. */
  currentAgent: Map<string, string>;
  close(): void;
}

/** A real store in a temp folder with the contact handlers behind a dispatcher. */
export function contactsFixture(now: () => Date = () => new Date('2026-11-02T09:00:00.000Z')): ContactsFixture {
  const store = openStore({ dataDir: tempDir(), now });
  const items = new ItemStore(store.db, now);
  const streams = new StreamRepository(store.db, now);
  const workspaces = new WorkspaceRepository(store.db, now);
  const currentAgent = new Map<string, string>();
  const handlers = createContactHandlers({
    db: store.db,
    now,
    items,
    workspaces,
    currentAgentId: (workspaceId) => currentAgent.get(workspaceId) ?? null,
  });
  const dispatcher = createDispatcher(handlers as unknown as HandlerTable, (method, error) => {
    throw new Error(`${method} failed internally: ${String(error)}`);
  });
  return {
    store,
    items,
    streams,
    workspaces,
    currentAgent,
    async call<T>(method: string, params: unknown): Promise<T> {
      const outcome = await dispatcher.call(method, params);
      if (!outcome.ok) throw Object.assign(new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`), outcome.error);
      return outcome.result as T;
    },
    close: () => store.close(),
  };
}

export function person(remoteId: string, handle: string, displayName: string | null = null, followers: number | null = 10): ItemAuthor {
  return { remoteId, handle, displayName, avatarUrl: null, url: `https://example.org/@${handle}`, followers };
}

/** An item posted `minute` minutes after 2026-11-01 10:00 UTC. */
export function postBy(author: ItemAuthor, remoteId: string, minute: number, network: Network = 'bluesky') {
  return anItem({ remoteId, network, author, text: `${remoteId} by ${author.handle}`, createdAt: new Date(Date.UTC(2026, 10, 1, 10, 0) + minute * 60_000).toISOString() });
}

export function itemId(store: Store, network: Network, remoteId: string): number {
  return (store.db.prepare('SELECT id FROM items WHERE network = ? AND remote_id = ?').get(network, remoteId) as { id: number }).id;
}

export function addInboxItem(store: Store, workspaceId: string, item: number, status = 'open'): number {
  const row = store.db
    .prepare(`INSERT INTO inbox_items (workspace_id, item_id, reason, status, received_ms, updated_at) VALUES (?, ?, 'mention', ?, 0, '2026-11-01T10:00:00.000Z') RETURNING id`)
    .get(workspaceId, item, status) as { id: number };
  return row.id;
}

/** A published reply of the workspace to `replyTo`, whose own stored item is `sent`. */
export function addPublishedReply(store: Store, workspaceId: string, replyTo: number, sent: number, state = 'published'): void {
  store.db
    .prepare(
      `INSERT INTO outbox (id, workspace_id, network, reply_to_item, state, idempotency_key, body, due_ms, item_id, created_at, updated_at, published_at)
       VALUES (?, ?, 'bluesky', ?, ?, ?, 'Danke!', 0, ?, '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z')`,
    )
    .run(randomUUID(), workspaceId, replyTo, state, randomUUID(), state === 'published' ? sent : null);
}

export function addAgent(store: Store, workspaceId: string, name = 'Anna Berg'): string {
  const id = randomUUID();
  store.db
    .prepare(`INSERT INTO agents (id, workspace_id, name, initials, signature, created_at, updated_at) VALUES (?, ?, ?, 'AB', '^AB', 'x', 'x')`)
    .run(id, workspaceId, name);
  return id;
}
