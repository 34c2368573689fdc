import { ItemStore, type IngestItem } from '../../src/main/core/items/itemStore';
import { openStore } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { entryContent } from './content';

export interface PrefillStream {
  title: string;
  /** The feed the stream polls. */
  query: string;
  /** How many items to store in it beforehand. */
  items: number;
}

const BATCH = 1000;

function feedItem(stream: number, n: number, epoch: number): IngestItem {
  const url = `https://news${stream}.example.org/${n}`;
  const content = entryContent(stream * 1_000_003 + n, url);
  return {
    network: 'feed',
    remoteId: `urn:leitstand-bench:stored-${stream}-${n}`,
    url,
    author: content.author
      ? { remoteId: `https://news${stream}.example.org/#author:${content.author}`, handle: null, displayName: content.author, avatarUrl: null, url: null, followers: null }
      : null,
    title: content.title,
    text: content.text,
    html: content.html,
    createdAt: new Date(epoch + n * 60_000).toISOString(),
    language: 'en',
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: null, reposts: null, likes: null },
  };
}

/**
 * Fills a data folder before the host opens it (the host holds the store's lock while it runs):
 * one workspace, its streams in order, and their items, through the same repositories and
 * ItemStore the core uses.
 */
export function prefillDataDir(dataDir: string, workspaceName: string, streams: PrefillStream[]): { workspaceId: string; streamIds: string[] } {
  const store = openStore({ dataDir });
  try {
    const workspaceId = new WorkspaceRepository(store.db).create(workspaceName).id;
    const repository = new StreamRepository(store.db);
    const items = new ItemStore(store.db);
    // The newest stored item is a day old; live arrivals are newer.
    const epoch = Date.now() - 86_400_000 - Math.max(0, ...streams.map((s) => s.items)) * 60_000;
    const streamIds = streams.map((spec, index) => {
      const id = repository.create({ workspaceId, network: 'feed', kind: 'feed', query: spec.query, title: spec.title }).id;
      for (let n = 0; n < spec.items; n += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, spec.items - n) }, (_, i) => feedItem(index, n + i, epoch));
        items.ingest(id, batch);
      }
      return id;
    });
    return { workspaceId, streamIds };
  } finally {
    store.close();
  }
}
