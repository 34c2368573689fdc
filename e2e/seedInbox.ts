import { ItemStore } from '../src/main/core/items/itemStore';
import { openStore } from '../src/main/core/store/database';
import { StreamRepository } from '../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../src/main/core/workspaces/workspaceRepository';

export interface SeededInbox {
  workspaceId: string;
  workspaceName: string;
  /** Inbox item ids, in the order of the texts given. */
  inboxIds: number[];
}

/**
 * Fills a data folder before a host opens it (the host holds the store's lock while it runs):
 * one workspace with a web-feed column marked "needs answer" and one inbox item per text, as if
 * the column had just pulled them in. A feed entry's conversation is the entry itself, so nothing
 * here needs a network. The column is paused: nothing polls the made-up feed address.
 */
export function seedInbox(dataDir: string, workspaceName: string, texts: string[]): SeededInbox {
  const store = openStore({ dataDir });
  try {
    return store.db.transaction(() => {
      const db = store.db;
      const workspaceId = new WorkspaceRepository(db).create(workspaceName).id;
      const streamId = new StreamRepository(db).create({ workspaceId, network: 'feed', kind: 'feed', query: 'http://127.0.0.1:9/feed.xml', title: 'Kundenforum' }).id;
      db.prepare(`UPDATE streams SET needs_answer = 1, paused = 1 WHERE id = ?`).run(streamId);
      const now = Date.now();
      const items = new ItemStore(db);
      items.ingest(
        streamId,
        texts.map((text, i) => ({
          network: 'feed' as const,
          remoteId: `urn:leitstand-e2e:question-${i}`,
          url: `http://127.0.0.1:9/questions/${i}`,
          author: { remoteId: `http://127.0.0.1:9/#author-${i}`, handle: null, displayName: `Kundin ${i}`, avatarUrl: null, url: null, followers: null },
          title: null,
          text,
          html: null,
          // Oldest first, a minute apart, all within the last hour.
          createdAt: new Date(now - (texts.length - i) * 60_000).toISOString(),
          language: 'de',
          replyToRemoteId: null,
          quoteOfRemoteId: null,
          media: [],
          counts: { replies: null, reposts: null, likes: null },
        })),
      );
      const insert = db.prepare(
        `INSERT INTO inbox_items (workspace_id, item_id, reason, stream_id, status, received_ms, due_ms, updated_at)
         SELECT ?, id, 'stream', ?, 'open', created_ms, created_ms + 7200000, ? FROM items WHERE network = 'feed' AND remote_id = ?
         RETURNING id`,
      );
      const inboxIds = texts.map((_, i) => (insert.get(workspaceId, streamId, new Date(now).toISOString(), `urn:leitstand-e2e:question-${i}`) as { id: number }).id);
      return { workspaceId, workspaceName, inboxIds };
    })();
  } finally {
    store.close();
  }
}
