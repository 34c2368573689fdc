import type { Network } from '../../../shared/contract/items';
import type { Connector } from '../connectors/connector';
import type { Connectivity } from '../polling';
import type { Db } from '../store/database';
import { ItemCounts } from '../insight/aggregates/itemCounts';

export interface EngagementDeps {
  db: Db;
  now: () => Date;
  connectors: Partial<Record<Network, Connector>>;
  connectivity?: Connectivity;
  log: (message: string) => void;
  /** How often the counts are fetched again (default every 30 minutes). */
  intervalMs?: number;
  /** At most this many posts per run (default 100), newest first. */
  batch?: number;
}

export interface EngagementRefresher {
  /** One run now; resolves with how many posts got fresh counts. */
  refresh(): Promise<number>;
  start(): void;
  close(): void;
}

export const ENGAGEMENT_INTERVAL_MS = 30 * 60_000;
/** A post whose counts are younger than this is left alone. */
export const ENGAGEMENT_FRESH_MS = 30 * 60_000;
const REQUEST_TIMEOUT_MS = 60_000;

interface Due {
  id: string;
  account_id: string;
  network: Network;
  remote_id: string;
  item_id: number;
  raw: string | null;
}

/**
 * Fetches the likes, reposts and replies of published posts back from their network, for the
 * best-times heatmap and the dashboards: at start and every 30 minutes, the newest published
 * posts first, at most `batch` a run, skipping those refreshed within 30 minutes. The counts go
 * into the post's item; `outbox.engagement_at` says when they were read. A network that fails is
 * logged and tried again on the next run; nothing else waits for it.
 */
export function createEngagementRefresher(deps: EngagementDeps): EngagementRefresher {
  const due = deps.db.prepare(`
    SELECT o.id, o.account_id, o.network, o.remote_id, o.item_id, i.raw FROM outbox o JOIN items i ON i.id = o.item_id
     WHERE o.state = 'published' AND o.account_id IS NOT NULL AND o.remote_id IS NOT NULL
       AND (o.engagement_at IS NULL OR o.engagement_at < ?)
     ORDER BY o.published_at DESC LIMIT ?`);
  // Through ItemCounts, so the dashboard's engagement totals move with the item's counts.
  const itemCounts = new ItemCounts(deps.db);
  const stamp = deps.db.prepare('UPDATE outbox SET engagement_at = ? WHERE id = ?');
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;
  const controller = new AbortController();
  let closed = false;

  async function run(): Promise<number> {
    if (closed || (deps.connectivity && !deps.connectivity.isOnline())) return 0;
    const now = deps.now();
    const rows = due.all(new Date(now.getTime() - ENGAGEMENT_FRESH_MS).toISOString(), deps.batch ?? 100) as Due[];
    const byAccount = new Map<string, Due[]>();
    for (const row of rows) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
    let refreshed = 0;
    for (const [accountId, posts] of byAccount) {
      if (closed) return refreshed;
      const connector = deps.connectors[posts[0]!.network];
      if (!connector?.fetchCounts) continue;
      let counts;
      try {
        counts = await connector.fetchCounts({
          accountId,
          remoteIds: posts.map((p) => p.remote_id),
          raw: new Map(posts.map((p) => [p.remote_id, parseRaw(p.raw)])),
          signal: AbortSignal.any([controller.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        });
      } catch (error) {
        if (!closed) deps.log(`[planner] engagement of ${accountId}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (closed) return refreshed;
      const at = deps.now().toISOString();
      deps.db.transaction(() => {
        for (const post of posts) {
          const c = counts.get(post.remote_id);
          if (c) {
            itemCounts.set(post.item_id, { likes: c.likes, reposts: c.reposts, replies: c.replies });
            refreshed++;
          }
          // Also a post the network no longer has: asked now, not again for a while.
          stamp.run(at, post.id);
        }
      })();
    }
    return refreshed;
  }

  function refresh(): Promise<number> {
    // One run at a time: a slow network must not pile runs up.
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    refresh,
    start() {
      if (timer !== null || closed) return;
      void refresh();
      timer = setInterval(() => void refresh(), deps.intervalMs ?? ENGAGEMENT_INTERVAL_MS);
      timer.unref?.();
    },
    close() {
      closed = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
      controller.abort(new Error('The planner is closing.'));
    },
  };
}

function parseRaw(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
