import { randomUUID } from 'node:crypto';
import { AccountRepository } from '../src/main/core/accounts/accountRepository';
import { ItemStore, type IngestItem } from '../src/main/core/items/itemStore';
import { openStore } from '../src/main/core/store/database';
import { StreamRepository } from '../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../src/main/core/workspaces/workspaceRepository';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Days of history before the burst: more than the 24 hours the spike check wants, less than the 7-day preset. */
export const HISTORY_DAYS = 5;
/** Negative mentions in the burst hour (the hour before the current one). */
export const BURST = 30;

export const NEGATIVE = [
  'Der Kundendienst ist eine Katastrophe, ich bin wütend!',
  'Terrible service, my order never arrived. Worst shop ever.',
  'Schon wieder falsche Lieferung, totaler Mist. Nie wieder!',
  'Awful experience, I hate this app, it keeps crashing.',
  'Das ist eine Frechheit, die App stürzt ständig ab. Furchtbar!',
  'Horrible, rude staff and a disgusting mess at the checkout.',
  'Unverschämt! Die Filiale war dreckig und das Personal unfreundlich.',
];
const FRIENDLY = [
  'Ich liebe den neuen Laden in Basel, super freundlich! 😍',
  'Great coffee and lovely staff, thank you!',
  'Neue Filiale in Bern eröffnet heute.',
  'Wonderful service, I am really happy with my order.',
  'The store opens at 9 tomorrow.',
  'Danke für die schnelle Hilfe, toll gemacht!',
];
const QUESTIONS = ['Wann habt ihr am Samstag geöffnet?', 'Gibt es das Brot auch glutenfrei?', 'Do you deliver to Winterthur?', 'Kann ich online bezahlen?', 'Where is the nearest shop?', 'Habt ihr heute noch Gipfeli?'];

const AUTHORS = [
  { name: 'Anna Keller', followers: 120_000 },
  { name: 'Ben Meier', followers: 5_400 },
  { name: 'Chloé Dubois', followers: 830 },
  { name: 'Dario Rossi', followers: 42 },
  { name: 'Eva Schmid', followers: 15_000 },
  { name: 'Finn Weber', followers: 2_100 },
];

export interface SeededDashboard {
  workspaceId: string;
  workspaceName: string;
  /** Mentions in the last 24 hours and in the last 7 days (each item once). */
  mentions24h: number;
  mentions7d: number;
  /** Distinct authors of those mentions (an author is per network). */
  authors: number;
}

function mention(network: 'bluesky' | 'mastodon' | 'feed', key: string, text: string, createdMs: number, authorIndex: number, likes: number): IngestItem {
  const author = AUTHORS[authorIndex % AUTHORS.length]!;
  const slug = author.name.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    network,
    remoteId: `urn:leitstand-e2e:${network}:${key}`,
    url: `http://127.0.0.1:9/${network}/${key}`,
    author: { remoteId: `urn:leitstand-e2e:author:${network}:${slug}`, handle: `${slug}.test`, displayName: author.name, avatarUrl: null, url: null, followers: author.followers },
    title: null,
    text,
    html: null,
    createdAt: new Date(createdMs).toISOString(),
    language: null,
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: likes % 3, reposts: likes % 5, likes },
  };
}

/**
 * Fills a data folder before a host opens it (the host holds the store's lock while it runs),
 * through the core's own repositories and item store, so the hourly aggregates are kept as on a
 * real ingest: one workspace with a Bluesky search, a Mastodon hashtag and a web-feed column
 * marked "needs answer" (all paused: nothing polls the made-up addresses), a few days of
 * mentions in German and English (mostly friendly, a negative one now and then), a burst of
 * negative ones in the hour before the current one, inbox questions of which some were answered,
 * and an account with published posts that earned engagement.
 *
 * The items are not analysed here: the host's analysis pipeline works off the queue when it
 * starts and its spike check then raises the alert, as it would after a poll.
 */
export function seedDashboard(dataDir: string, workspaceName: string, nowMs = Date.now()): SeededDashboard {
  const store = openStore({ dataDir });
  try {
    return store.db.transaction(() => {
      const db = store.db;
      const workspaceId = new WorkspaceRepository(db).create(workspaceName).id;
      const streams = new StreamRepository(db);
      const search = streams.create({ workspaceId, network: 'bluesky', kind: 'search', query: 'sonnenbeck', title: 'sonnenbeck' }).id;
      const hashtag = streams.create({ workspaceId, network: 'mastodon', kind: 'hashtag', query: 'sonnenbeck', title: '#sonnenbeck' }).id;
      const forum = streams.create({ workspaceId, network: 'feed', kind: 'feed', query: 'http://127.0.0.1:9/forum.xml', title: 'Kundenforum' }).id;
      db.prepare('UPDATE streams SET paused = 1 WHERE workspace_id = ?').run(workspaceId);
      db.prepare('UPDATE streams SET needs_answer = 1 WHERE id = ?').run(forum);
      const items = new ItemStore(db);

      const currentHour = Math.floor(nowMs / HOUR) * HOUR;
      const burstHour = currentHour - HOUR;
      const bluesky: IngestItem[] = [];
      const mastodon: IngestItem[] = [];
      const times: number[] = [];
      // History: two friendly mentions an hour, a negative one every seventh hour, up to two hours ago.
      for (let h = HISTORY_DAYS * 24; h >= 2; h--) {
        const hour = currentHour - h * HOUR;
        for (let k = 0; k < 2; k++) {
          const at = hour + (10 + k * 25) * MINUTE;
          const target = (h + k) % 2 === 0 ? bluesky : mastodon;
          target.push(mention(target === bluesky ? 'bluesky' : 'mastodon', `h${h}-${k}`, FRIENDLY[(h + k) % FRIENDLY.length]!, at, h + k, (h * 7 + k) % 40));
          times.push(at);
        }
        if (h % 7 === 0) {
          const at = hour + 50 * MINUTE;
          mastodon.push(mention('mastodon', `n${h}`, NEGATIVE[h % NEGATIVE.length]!, at, h, 2));
          times.push(at);
        }
      }
      // The burst: many negative mentions within one hour, on both networks.
      for (let i = 0; i < BURST; i++) {
        const at = burstHour + (1 + Math.floor((i * 57) / BURST)) * MINUTE;
        const target = i % 2 === 0 ? bluesky : mastodon;
        target.push(mention(target === bluesky ? 'bluesky' : 'mastodon', `burst-${i}`, NEGATIVE[i % NEGATIVE.length]!, at, i, 1));
        times.push(at);
      }
      items.ingest(search, bluesky);
      items.ingest(hashtag, mastodon);

      // Inbox: questions from the forum over the last two days; four of six answered.
      const questions = QUESTIONS.map((text, i) => mention('feed', `q${i}`, text, nowMs - (40 - i * 6) * HOUR, i + 2, 0));
      items.ingest(forum, questions);
      times.push(...questions.map((q) => Date.parse(q.createdAt)));
      const insertInbox = db.prepare(
        `INSERT INTO inbox_items (workspace_id, item_id, reason, stream_id, status, received_ms, due_ms, first_response_ms, updated_at)
         SELECT ?, id, 'stream', ?, ?, created_ms, created_ms + 7200000, ?, ? FROM items WHERE network = 'feed' AND remote_id = ?`,
      );
      questions.forEach((q, i) => {
        const answered = i < 4;
        const received = Date.parse(q.createdAt);
        insertInbox.run(workspaceId, forum, answered ? 'done' : 'open', answered ? received + (15 + i * 50) * MINUTE : null, new Date(nowMs).toISOString(), q.remoteId);
      });

      // The brand's own account and its published posts with the engagement they earned.
      const account = new AccountRepository(db).create({ workspaceId, network: 'bluesky', handle: 'sonnenbeck.test', displayName: 'Sonnenbeck' });
      const posts: IngestItem[] = [0, 1, 2, 3].map((i) => ({
        ...mention('bluesky', `own-${i}`, `Frisch aus dem Ofen: Angebot ${i + 1}`, nowMs - (i * 26 + 5) * HOUR, 0, 20 + i * 15),
        author: { remoteId: 'did:plc:sonnenbeck', handle: 'sonnenbeck.test', displayName: 'Sonnenbeck', avatarUrl: null, url: null, followers: 3000 },
      }));
      const postIds = items.upsertItems(posts);
      const insertPost = db.prepare(
        `INSERT INTO outbox (id, workspace_id, account_id, network, state, idempotency_key, body, due_ms, time_zone, remote_id, remote_url, item_id, created_at, updated_at, published_at, engagement_at)
         VALUES (?, ?, ?, 'bluesky', 'published', ?, ?, ?, 'UTC', ?, ?, ?, ?, ?, ?, ?)`,
      );
      posts.forEach((post, i) => {
        // engagement_at far ahead: the host never asks the (made-up) network for fresher counts.
        insertPost.run(randomUUID(), workspaceId, account.id, randomUUID(), post.text, Date.parse(post.createdAt), post.remoteId, post.url, postIds[i]!, post.createdAt, post.createdAt, post.createdAt, '2999-01-01T00:00:00.000Z');
      });

      const authors = new Set([...bluesky, ...mastodon, ...questions].map((item) => item.author!.remoteId)).size;
      const dayStart = nowMs - 24 * HOUR;
      return {
        workspaceId,
        workspaceName,
        mentions24h: times.filter((t) => t >= Math.floor(dayStart / HOUR) * HOUR + HOUR).length,
        mentions7d: times.length,
        authors,
      };
    })();
  } finally {
    store.close();
  }
}
