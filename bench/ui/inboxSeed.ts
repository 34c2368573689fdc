import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Network } from '../../src/shared/contract/items';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { MIGRATIONS } from '../../src/main/core/store/migrations';
import { openStore, type Db } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';

/**
 * A store as a busy community manager's looks after months of use: a million stored items over
 * tens of thousands of authors (one of them a regular who wrote about 5,000), a hundred thousand
 * inbox items in one workspace (most of them done long ago, the newest open or pending, due
 * times spread by business hours), tags, assignees, notes, contacts and published replies.
 *
 * Seeded with multi-row INSERT … SELECT statements over a recursive counter in one transaction;
 * the row values come from small deterministic SQL functions registered here, so two seeds are
 * the same. The full-text index stays empty: neither the inbox nor the contact history reads it.
 *
 * Variants:
 * - 'core': Bluesky and Mastodon accounts with their hidden inbox sources (mentions, replies) and
 *   published replies in the outbox, plus needs-answer feed columns.
 * - 'ui': web feeds only. Opening a Bluesky or Mastodon item's conversation fetches its thread
 *   from the network; a feed entry's thread is the entry itself, so the UI figure measures the
 *   app and not a network. Every inbox item comes from a feed column marked "needs answer".
 */
export type InboxSeedVariant = 'core' | 'ui';

export interface InboxSeedOptions {
  variant: InboxSeedVariant;
  items: number;
  inboxItems: number;
  authors: number;
  /** Every n-th item is the busy author's. */
  busyEvery: number;
}

export interface InboxSeed {
  options: InboxSeedOptions;
  workspaceId: string;
  /** The author with the most items (about items / busyEvery), linked to a second profile. */
  busyAuthor: { network: Network; remoteId: string };
  /** The author numbers (as in the "[a<number> n<item>]" marker that starts every text) of the busy author's contact. */
  busyContactAuthors: number[];
  /** Rows written, by table. */
  counts: Record<string, number>;
  /** How long each seeding statement took, ms. */
  steps: Record<string, number>;
  seedMs: number;
}

export const DEFAULT_INBOX_SEED: Omit<InboxSeedOptions, 'variant'> = {
  items: 1_000_000,
  inboxItems: 100_000,
  authors: 60_000,
  busyEvery: 200,
};

const CACHE_ROOT = path.resolve(__dirname, '..', '.cache');
const DB_FILE = 'leitstand.sqlite';
const DAY = 86_400_000;
/** Streams per network; the first of each is an inbox source. */
const STREAMS_PER_NETWORK = 5;
const TAGS = ['billing', 'delivery', 'praise', 'bug', 'urgent', 'opening hours', 'refund', 'app'];

const WORDS = (
  'filiale kunde service danke bitte warum heute morgen preis angebot lieferung problem super schlecht ' +
  'frage antwort app update konto karte zahlung rückerstattung öffnungszeiten zürich bern basel team ' +
  'great thanks order delivery refund broken love hate why when store price support help issue fixed ' +
  'paket verspätet bestellung kaputt rechnung gutschein newsletter kündigen abo login passwort'
).split(' ');

/** A deterministic 32-bit hash of an integer (and a salt), for values that look random. */
function hash(n: number, salt = 0): number {
  let x = (n ^ (salt * 0x9e3779b9)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const unit = (n: number, salt: number) => hash(n, salt) / 2 ** 32;

/**
 * Where a folder holding this seed is cached (bench/.cache, ignored by git through its own
 * .gitignore): seeding a million items takes a minute or two, copying the file seconds. The name
 * carries a hash of the schema (every migration's SQL, which may change in place before a release)
 * and of this file, so a cached store never outlives either.
 */
function cacheDir(options: InboxSeedOptions): string {
  const o = options;
  const fingerprint = createHash('sha256')
    .update(MIGRATIONS.map((migration) => migration.sql).join('\n'))
    .update(fs.readFileSync(__filename))
    .digest('hex')
    .slice(0, 12);
  return path.join(CACHE_ROOT, `inbox-${o.variant}-${o.items}-${o.inboxItems}-${o.authors}-${o.busyEvery}-${fingerprint}`);
}

/**
 * A fresh data folder `dataDir` holding the seeded store: copied from the cache, seeded (and
 * cached) first if needed. The copy is what the caller opens, so nothing it does changes the cache.
 */
export function seededDataDir(dataDir: string, options: InboxSeedOptions, log: (message: string) => void): InboxSeed {
  const cached = cacheDir(options);
  const metaFile = path.join(cached, 'seed.json');
  if (!fs.existsSync(metaFile)) {
    // Stores of an older schema or seed are of no more use (and a gigabyte each).
    for (const old of fs.existsSync(CACHE_ROOT) ? fs.readdirSync(CACHE_ROOT) : []) {
      if (old.startsWith(`inbox-${options.variant}-`)) fs.rmSync(path.join(CACHE_ROOT, old), { recursive: true, force: true });
    }
    fs.mkdirSync(cached, { recursive: true });
    fs.writeFileSync(path.join(CACHE_ROOT, '.gitignore'), '*\n');
    log(`seeding ${options.items} items and ${options.inboxItems} inbox items (${options.variant}) into ${cached}`);
    const seed = seedStore(cached, options);
    fs.writeFileSync(metaFile, `${JSON.stringify(seed, null, 2)}\n`);
    log(`seeded in ${Math.round(seed.seedMs)} ms (${JSON.stringify(seed.steps)}): ${JSON.stringify(seed.counts)}`);
  }
  const started = Date.now();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(path.join(cached, DB_FILE), path.join(dataDir, DB_FILE));
  const seed = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as InboxSeed;
  log(`copied the cached store (seeded in ${Math.round(seed.seedMs)} ms) in ${Date.now() - started} ms`);
  return seed;
}

interface NetworkPlan {
  network: Network;
  streamIds: string[];
  accountId: string | null;
}

/** Seeds a new store in `dataDir` and closes it: one file, nothing beside it. */
export function seedStore(dataDir: string, options: InboxSeedOptions): InboxSeed {
  const started = performance.now();
  const store = openStore({ dataDir });
  try {
    // A new file that is thrown away if seeding fails: no journal while writing (not the WAL,
    // which would write every page twice), WAL again afterwards, as the app keeps it.
    store.db.pragma('journal_mode = OFF');
    store.db.pragma('synchronous = OFF');
    store.db.pragma('cache_size = -1048576');
    const seed = store.db.transaction(() => seedInTransaction(store.db, options))();
    store.db.pragma('journal_mode = WAL');
    return { ...seed, seedMs: performance.now() - started };
  } finally {
    store.close();
  }
}

function seedInTransaction(db: Db, options: InboxSeedOptions): Omit<InboxSeed, 'seedMs'> {
  const { items: N, inboxItems, authors: A, busyEvery } = options;
  const now = Date.now();
  const workspaceId = new WorkspaceRepository(db).create('Inbox benchmark').id;
  // A second workspace with a little of its own, so every query has to keep to its workspace.
  const otherWorkspaceId = new WorkspaceRepository(db).create('Other client').id;
  const streamRepository = new StreamRepository(db);
  const accountRepository = new AccountRepository(db);

  const networks: Network[] = options.variant === 'core' ? ['bluesky', 'mastodon', 'feed'] : ['feed'];
  const plans: NetworkPlan[] = networks.map((network) => {
    const accountId =
      network === 'bluesky'
        ? accountRepository.create({ workspaceId, network, handle: 'brand.bsky.social', displayName: 'Brand', serverUrl: 'https://bsky.social' }).id
        : network === 'mastodon'
          ? accountRepository.create({ workspaceId, network, handle: 'brand@social.example', displayName: 'Brand', serverUrl: 'https://social.example' }).id
          : null;
    const streamIds = Array.from({ length: STREAMS_PER_NETWORK }, (_, i) => {
      const spec =
        network === 'feed'
          ? { kind: 'feed', query: `https://news${i}.example.org/feed.xml`, title: `News ${i + 1}` }
          : network === 'bluesky'
            ? { kind: i === 0 ? 'mentions' : 'search', query: i === 0 ? null : `brand ${i}`, title: i === 0 ? 'Mentions' : `Search ${i}` }
            : { kind: i === 0 ? 'notifications' : 'hashtag', query: i === 0 ? null : `brand${i}`, title: i === 0 ? 'Notifications' : `#brand${i}` };
      return streamRepository.create({ workspaceId, network, accountId, ...spec }).id;
    });
    // The first stream of a network is its inbox source: a hidden per-account stream for the
    // networks, a column marked "needs answer" for feeds. Paused: nothing polls a benchmark.
    const [source] = streamIds;
    if (network === 'feed') db.prepare(`UPDATE streams SET needs_answer = 1 WHERE id = ?`).run(source);
    else db.prepare(`UPDATE streams SET role = 'inbox' WHERE id = ?`).run(source);
    db.prepare(`UPDATE streams SET paused = 1 WHERE workspace_id = ?`).run(workspaceId);
    return { network, streamIds, accountId };
  });
  const otherStream = streamRepository.create({ workspaceId: otherWorkspaceId, network: 'feed', kind: 'feed', query: 'https://other.example/feed', title: 'Other' }).id;
  db.prepare(`UPDATE streams SET paused = 1 WHERE id = ?`).run(otherStream);

  const agentIds = ['Anna Keller', 'Luca Meier', 'Sara Brunner', 'Jonas Frei', 'Mia Huber'].map((name) => {
    const id = randomUUID();
    const initials = name
      .split(' ')
      .map((part) => part[0])
      .join('');
    const stamp = new Date(now - 200 * DAY).toISOString();
    db.prepare(`INSERT INTO agents (id, workspace_id, name, initials, signature, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      id,
      workspaceId,
      name,
      initials,
      `^${initials}`,
      stamp,
      stamp,
    );
    return id;
  });

  // Items span 120 days up to an hour ago; item n is the n-th oldest.
  const newestMs = now - 3_600_000;
  const stepMs = Math.floor((120 * DAY) / N);
  const networkOfAuthor = (a: number) => networks[a % networks.length]!;
  /** Author 1 is the busy one; the others follow a skewed distribution (a few regulars, many one-off writers). */
  const authorOfItem = (n: number) => (n % busyEvery === 0 ? 1 : 2 + Math.floor((A - 2) * unit(n, 1) ** 1.6));
  const remoteIdOfAuthor = (a: number) => {
    const network = networkOfAuthor(a);
    return network === 'bluesky' ? `did:plc:bench${a}` : network === 'mastodon' ? `https://social${a % 40}.example/users/u${a}` : `https://blog${a % 300}.example/#author:${a}`;
  };
  const textOf = (n: number, a: number) => {
    const words: string[] = [];
    const count = 8 + (hash(n, 2) % 24);
    for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(WORDS.length * unit(n * 31 + i, 3) ** 2)]!);
    // The marker at the start names the author and the item: the UI benchmark reads it back.
    return `[a${a} n${n}] ${words.join(' ')}`;
  };
  const streamOfItem = (n: number) => {
    const plan = plans.find((p) => p.network === networkOfAuthor(authorOfItem(n)))!;
    return plan.streamIds[hash(n, 4) % STREAMS_PER_NETWORK]!;
  };
  const remoteIdOfItem = (n: number) => {
    const network = networkOfAuthor(authorOfItem(n));
    return network === 'bluesky'
      ? `at://did:plc:bench${authorOfItem(n)}/app.bsky.feed.post/3k${n.toString(36)}`
      : network === 'mastodon'
        ? `https://social.example/users/u${authorOfItem(n)}/statuses/${100_000_000 + n}`
        : `urn:bench:entry:${n}`;
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  db.function('seed_author_network', { deterministic: true }, (a) => networkOfAuthor(Number(a)));
  db.function('seed_author_remote_id', { deterministic: true }, (a) => remoteIdOfAuthor(Number(a)));
  // BigInt: SQLite gets an INTEGER (a JS number would arrive as a REAL).
  db.function('seed_item_author', { deterministic: true }, (n) => BigInt(authorOfItem(Number(n))));
  db.function('seed_item_remote_id', { deterministic: true }, (n) => remoteIdOfItem(Number(n)));
  db.function('seed_text', { deterministic: true }, (n, a) => textOf(Number(n), Number(a)));
  db.function('seed_stream', { deterministic: true }, (n) => streamOfItem(Number(n)));
  db.function('seed_iso', { deterministic: true }, (ms) => iso(Number(ms)));
  db.function('seed_hash', { deterministic: true }, (n, salt) => BigInt(hash(Number(n), Number(salt))));

  const steps: Record<string, number> = {};
  /** Runs a seeding statement and notes how long it took (seed.json keeps it). */
  const exec = (label: string, sql: string) => {
    const started = performance.now();
    db.exec(sql);
    steps[label] = Math.round(performance.now() - started);
  };
  const counter = (count: number) => `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count - 1})`;

  // Authors 1..A (author ids are the author numbers), and the brand's own profiles after them.
  exec('authors', `
    ${counter(A)}
    INSERT INTO authors (id, network, remote_id, handle, display_name, avatar_url, url, followers)
    SELECT n + 1, seed_author_network(n + 1), seed_author_remote_id(n + 1),
           CASE seed_author_network(n + 1) WHEN 'feed' THEN NULL ELSE 'user' || (n + 1) || '.example' END,
           'Author ' || (n + 1), NULL, NULL,
           CASE WHEN seed_author_network(n + 1) = 'feed' THEN NULL ELSE seed_hash(n, 5) % 20000 END
    FROM seq;
  `);
  const brandAuthor = A + 1;
  db.prepare(`INSERT INTO authors (id, network, remote_id, handle, display_name, followers) VALUES (?, ?, ?, ?, ?, ?)`).run(
    brandAuthor,
    networks[0],
    'did:plc:brand',
    'brand.bsky.social',
    'Brand',
    12_000,
  );

  // Items 1..N (item id = n + 1), with a network payload of realistic size.
  exec('items', `
    ${counter(N)},
    base AS (SELECT n, seed_item_author(n) AS a, ${newestMs} - (${N - 1} - n) * ${stepMs} AS ms FROM seq)
    INSERT INTO items (id, network, remote_id, url, author_id, title, text, html, created_at, created_ms, language,
                       reply_to, quote_of, media, replies, reposts, likes, has_link, raw, first_seen_at)
    SELECT n + 1, seed_author_network(a), seed_item_remote_id(n), 'https://example.org/p/' || n, a,
           NULL,
           seed_text(n, a), NULL, seed_iso(ms), ms, CASE seed_hash(n, 6) % 3 WHEN 0 THEN 'en' ELSE 'de' END,
           NULL, NULL, '[]', seed_hash(n, 7) % 5, seed_hash(n, 8) % 9, seed_hash(n, 9) % 40, seed_hash(n, 10) % 5 = 0,
           json_object('uri', seed_item_remote_id(n), 'record', json_object('text', seed_text(n, a), 'createdAt', seed_iso(ms)), 'indexedAt', seed_iso(ms)),
           seed_iso(ms)
    FROM base;
  `);

  // Every item in one stream of its network, every tenth in a second one too (a mention that a
  // search column also found); all read but the newest 2,000.
  exec('stream_items', `
    INSERT INTO stream_items (stream_id, item_id, created_ms, read)
    SELECT seed_stream(id - 1), id, created_ms, id <= ${N - 2000} FROM items WHERE id <= ${N};
  `);
  const secondStream = db.prepare(`INSERT OR IGNORE INTO stream_items (stream_id, item_id, created_ms, read) VALUES (?, ?, ?, 1)`);
  const rows = db.prepare(`SELECT id, created_ms FROM items WHERE id <= ${N} AND id % 10 = 0`).all() as Array<{ id: number; created_ms: number }>;
  for (const row of rows) {
    const plan = plans.find((p) => p.network === networkOfAuthor(authorOfItem(row.id - 1)))!;
    secondStream.run(plan.streamIds[1 + (hash(row.id, 11) % (STREAMS_PER_NETWORK - 1))], row.id, row.created_ms);
  }

  // Inbox items: the newest items of the inbox sources. The older ones came before the accounts
  // were connected and never became inbox items. Most are done; the newest are open or pending.
  const sources = plans.map((plan) => plan.streamIds[0]!);
  const sourceList = sources.map((id) => `'${id}'`).join(', ');
  db.function('seed_reason', { deterministic: true }, (streamId, n) => {
    const plan = plans.find((p) => p.streamIds[0] === streamId)!;
    return plan.network === 'feed' ? 'stream' : hash(Number(n), 12) % 4 === 0 ? 'reply' : 'mention';
  });
  db.function('seed_account', { deterministic: true }, (streamId) => plans.find((p) => p.streamIds[0] === streamId)!.accountId);
  db.function('seed_status', { deterministic: true }, (rank) => {
    const r = Number(rank); // 0 = newest
    const u = unit(r, 13);
    if (r < inboxItems * 0.12) return u < 0.8 ? 'open' : 'pending';
    return u < 0.02 ? 'open' : u < 0.03 ? 'pending' : 'done';
  });
  exec('inbox_items', `
    CREATE TEMP TABLE seed_inbox AS
    SELECT si.item_id, si.stream_id, si.created_ms,
           row_number() OVER (ORDER BY si.created_ms DESC, si.item_id DESC) - 1 AS rank
    FROM stream_items si WHERE si.stream_id IN (${sourceList})
    ORDER BY si.created_ms DESC, si.item_id DESC
    LIMIT ${inboxItems};

    INSERT INTO inbox_items (id, workspace_id, item_id, reason, stream_id, account_id, status, assignee_id,
                             received_ms, due_ms, follow_up_ms, first_response_ms, updated_at)
    SELECT ${inboxItems} - rank, '${workspaceId}', item_id, seed_reason(stream_id, item_id), stream_id, seed_account(stream_id),
           status,
           CASE WHEN seed_hash(item_id, 14) % 10 < 6 THEN json_extract('${JSON.stringify(agentIds)}', '$[' || (seed_hash(item_id, 15) % ${agentIds.length}) || ']') END,
           created_ms,
           -- Two business hours, pushed out by up to 2.5 days when it came in after hours or at a weekend.
           created_ms + 7200000 + (seed_hash(item_id, 16) % 4 = 0) * (seed_hash(item_id, 17) % 216000000),
           CASE WHEN status = 'pending' THEN ${now} + seed_hash(item_id, 18) % ${7 * DAY} END,
           CASE WHEN status = 'done' THEN created_ms + 1800000 + seed_hash(item_id, 19) % 18000000 END,
           seed_iso(created_ms + 60000)
    FROM (SELECT *, seed_status(rank) AS status FROM seed_inbox);
  `);
  db.function('seed_tag', { deterministic: true }, (i) => TAGS[Number(i) % TAGS.length]!);
  exec('tags_and_notes', `
    INSERT OR IGNORE INTO inbox_tags (inbox_id, tag)
    SELECT id, seed_tag(seed_hash(id, 20)) FROM inbox_items WHERE seed_hash(id, 21) % 10 < 3;
    INSERT OR IGNORE INTO inbox_tags (inbox_id, tag)
    SELECT id, seed_tag(seed_hash(id, 22)) FROM inbox_items WHERE seed_hash(id, 23) % 10 = 0;
    INSERT INTO inbox_notes (inbox_id, agent_id, text, created_at)
    SELECT id, assignee_id, 'Called back, waiting for the order number.', updated_at FROM inbox_items WHERE seed_hash(id, 24) % 50 = 0;
  `);

  // Published replies (network items only: feeds cannot be answered): half of the done ones,
  // each with its own stored post by the brand.
  if (options.variant === 'core') {
    exec('outbox', `
      CREATE TEMP TABLE seed_replies AS
      SELECT ib.id AS inbox_id, ib.item_id, ib.account_id, ib.first_response_ms, i.network,
             ${N} + row_number() OVER (ORDER BY ib.id) AS reply_item
      FROM inbox_items ib JOIN items i ON i.id = ib.item_id
      WHERE ib.status = 'done' AND ib.account_id IS NOT NULL AND seed_hash(ib.id, 25) % 2 = 0;

      INSERT INTO items (id, network, remote_id, url, author_id, title, text, created_at, created_ms, media, has_link, first_seen_at, reply_to)
      SELECT r.reply_item, r.network, 'at://did:plc:brand/app.bsky.feed.post/r' || r.reply_item, NULL, ${brandAuthor}, NULL,
             'Thanks for writing, we are on it. ^AK', seed_iso(r.first_response_ms), r.first_response_ms, '[]', 0,
             seed_iso(r.first_response_ms), i.remote_id
      FROM seed_replies r JOIN items i ON i.id = r.item_id;

      INSERT INTO outbox (id, workspace_id, account_id, network, inbox_id, reply_to_item, state, idempotency_key, body,
                          due_ms, attempts, remote_id, item_id, created_at, updated_at, published_at)
      SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a'
               || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
             '${workspaceId}', r.account_id, r.network, r.inbox_id, r.item_id, 'published', 'bench-' || r.inbox_id,
             json_object('text', 'Thanks for writing, we are on it. ^AK', 'spoilerText', NULL, 'language', 'de', 'visibility', NULL, 'appendSignature', json('true')),
             r.first_response_ms, 1, 'at://did:plc:brand/app.bsky.feed.post/r' || r.reply_item, r.reply_item,
             seed_iso(r.first_response_ms - 60000), seed_iso(r.first_response_ms), seed_iso(r.first_response_ms)
      FROM seed_replies r;
    `);
  }

  // The busy author is a known contact: a note, tags, and a second profile linked to them.
  const linked = networks.length > 1 ? 2 : 4; // another network where there is one
  const contactId = Number(
    db.prepare(`INSERT INTO contacts (workspace_id, created_at) VALUES (?, ?)`).run(workspaceId, new Date(now - 90 * DAY).toISOString()).lastInsertRowid,
  );
  for (const authorId of [1, linked]) db.prepare(`INSERT INTO contact_identities (contact_id, workspace_id, author_id) VALUES (?, ?, ?)`).run(contactId, workspaceId, authorId);
  for (const tag of ['regular', 'vip']) db.prepare(`INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)`).run(contactId, tag);
  db.prepare(`INSERT INTO contact_notes (contact_id, agent_id, text, created_at) VALUES (?, ?, ?, ?)`).run(
    contactId,
    agentIds[0],
    'Owns three shops in Basel; prefers German.',
    new Date(now - 30 * DAY).toISOString(),
  );

  // The other workspace shows a few thousand of the same items (items are shared, inbox state is not).
  exec('other_workspace', `
    INSERT INTO stream_items (stream_id, item_id, created_ms, read)
    SELECT '${otherStream}', id, created_ms, 1 FROM items WHERE id <= ${N} AND id % 250 = 7;
  `);

  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    ['authors', 'items', 'stream_items', 'inbox_items', 'inbox_tags', 'inbox_notes', 'outbox'].map((table) => [table, count(table)]),
  );
  counts.busyAuthorItems = (db.prepare(`SELECT count(*) AS n FROM items WHERE author_id = 1`).get() as { n: number }).n;
  counts.openOrPending = (db.prepare(`SELECT count(*) AS n FROM inbox_items WHERE status != 'done'`).get() as { n: number }).n;
  return {
    options,
    workspaceId,
    busyAuthor: { network: networkOfAuthor(1), remoteId: remoteIdOfAuthor(1) },
    busyContactAuthors: [1, linked],
    counts,
    steps,
  };
}
