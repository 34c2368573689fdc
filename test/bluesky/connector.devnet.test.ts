// The Bluesky connector against the official AT Protocol dev network on loopback: real PDS,
// real AppView, real tokens. One network for the whole file; the tests run in order and build
// on each other (accounts, follows, cursors), as a user's day would.
import { RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyConnector } from '../../src/main/core/connectors/bluesky';
import { parseStoredSession } from '../../src/main/core/connectors/bluesky/session';
import { ConnectorError, type PollResult, type StreamCursor, type StreamSpec } from '../../src/main/core/connectors/connector';
import type { VaultEntry } from '../../src/main/core/vault/vault';
import { incomingItemSchema, type IncomingItem } from '../../src/shared/contract/items';
import { createUser, expiredCopyOf, jwtClaims, loopbackFetch, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';
import { MemoryVault } from '../support/memoryVault';

const WORKSPACE = 'workspace-1';
const ALICE = 'account-alice';
const APP_PASSWORD_NAME = 'leitstand';

let dev: DevNetwork;
let alice: TestUser;
let bob: TestUser;
let appPassword: string;
const vault = new MemoryVault();
const requests: string[] = [];
const entryOf = (accountId: string): VaultEntry => ({ workspaceId: WORKSPACE, accountId });

/** A connector as the core builds it: a fresh one is what the app has after a restart. */
const newConnector = () => new BlueskyConnector({ vault, vaultEntry: entryOf, fetch: loopbackFetch(requests) });
let connector: BlueskyConnector;

/** What the poller keeps per column: the stream, its cursor, and what arrived. */
class Column {
  cursor: StreamCursor | null = null;
  readonly items: IncomingItem[] = [];
  readonly spec: StreamSpec;

  constructor(kind: string, query: string | null = null, accountId = ALICE) {
    this.spec = { id: `${kind}:${query ?? ''}`, network: 'bluesky', kind, query, accountId };
  }

  async poll(using: BlueskyConnector = connector, maxItems = 100): Promise<PollResult> {
    const result = await using.poll({ stream: this.spec, cursor: this.cursor, signal: AbortSignal.timeout(30_000), maxItems });
    for (const item of result.items) incomingItemSchema.parse(item);
    // The real poller stores the items first, then the cursor; the JSON round trip is its storage.
    this.cursor = JSON.parse(JSON.stringify(result.cursor)) as StreamCursor;
    this.items.push(...result.items);
    return result;
  }

  ids(): string[] {
    return this.items.map((item) => item.remoteId);
  }
}

async function pollError(column: Column, using: BlueskyConnector = connector): Promise<ConnectorError> {
  const error = await column.poll(using).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

function storedSession() {
  const secret = vault.secrets.get(`${WORKSPACE}/${ALICE}`);
  expect(secret).toBeDefined();
  const session = parseStoredSession(secret!);
  expect(session).not.toBeNull();
  return session!;
}

/** Ages the stored access token: what a session looks like after two hours in a closed laptop. */
async function expireStoredAccessToken() {
  const session = storedSession();
  const aged = { ...session, accessJwt: expiredCopyOf(session.accessJwt, dev) };
  await vault.set(entryOf(ALICE), JSON.stringify(aged));
  return aged;
}

beforeAll(async () => {
  dev = await startDevNetwork();
  [alice, bob] = [await createUser(dev, 'alice'), await createUser(dev, 'bob')];
  const created = await alice.agent.com.atproto.server.createAppPassword({ name: APP_PASSWORD_NAME });
  appPassword = created.data.password;
  connector = newConnector();
});

afterAll(async () => {
  await dev?.close();
});

const home = new Column('home');
const mentions = new Column('mentions');
const notifications = new Column('notifications');
const search = new Column('search', 'leitstand');

describe('Bluesky connector on the AT Protocol dev network', () => {
  it('connects an account with an app password and keeps only the session, in the vault', async () => {
    const wrong = await connector.sessions
      .connect(ALICE, { service: dev.pdsUrl, identifier: 'alice.test', password: 'not-the-password' })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ConnectorError);
    expect((wrong as ConnectorError).kind).toBe('auth');
    expect(vault.secrets.size).toBe(0);

    const account = await connector.sessions.connect(ALICE, { service: dev.pdsUrl, identifier: '@alice.test', password: appPassword });
    expect(account).toMatchObject({ did: alice.did, handle: 'alice.test', service: dev.pdsUrl, usesAppPassword: true });

    const session = storedSession();
    expect(session).toMatchObject({ v: 1, did: alice.did, handle: 'alice.test', service: dev.pdsUrl });
    expect(session.refreshJwt.length).toBeGreaterThan(20);
    const secret = vault.secrets.get(`${WORKSPACE}/${ALICE}`)!;
    expect(secret).not.toContain(appPassword);
    expect(secret).not.toContain(alice.mainPassword);

    // A DID works as the identifier too; the main password is accepted but flagged.
    const byDid = await connector.sessions.connect('account-alice-by-did', { service: dev.pdsUrl, identifier: alice.did, password: appPassword });
    expect(byDid.handle).toBe('alice.test');
    const main = await connector.sessions.connect('account-alice-main', { service: dev.pdsUrl, identifier: 'alice.test', password: alice.mainPassword });
    expect(main.usesAppPassword).toBe(false);
  });

  it('brings a followed post, a reply, a mention, a like and a follow into the right columns', async () => {
    await alice.agent.follow(bob.did);
    const own = await alice.agent.post({ text: 'Good morning from Alice' });
    await dev.network.processAll();
    for (const column of [home, mentions, notifications, search]) await column.poll();
    expect(home.ids()).toContain(own.uri); // the first poll: one recent page
    const before = { home: home.items.length, mentions: mentions.items.length, notifications: notifications.items.length, search: search.items.length };

    const plain = await bob.agent.post({ text: 'Trying leitstand for our brand today' });
    const reply = await bob.agent.post({
      text: 'Morning Alice!',
      reply: { root: { uri: own.uri, cid: own.cid }, parent: { uri: own.uri, cid: own.cid } },
    });
    const rich = new RichText({ text: 'Have you seen this, @alice.test?' });
    await rich.detectFacets(bob.agent);
    expect(rich.facets?.[0]?.features[0]).toMatchObject({ $type: 'app.bsky.richtext.facet#mention', did: alice.did });
    const mention = await bob.agent.post({ text: rich.text, facets: rich.facets, langs: ['en'] });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const blob = await bob.agent.uploadBlob(png, { encoding: 'image/png' });
    const quote = await bob.agent.post({
      text: 'Quoting Alice, with a picture',
      embed: {
        $type: 'app.bsky.embed.recordWithMedia',
        record: { $type: 'app.bsky.embed.record', record: { uri: own.uri, cid: own.cid } },
        media: { $type: 'app.bsky.embed.images', images: [{ image: blob.data.blob, alt: 'A single pixel' }] },
      },
    });
    const like = await bob.agent.like(own.uri, own.cid);
    const follow = await bob.agent.follow(alice.did);
    await dev.network.processAll();

    const fresh = async (column: Column) => {
      const result = await column.poll();
      expect(result.more).toBe(false);
      return result.items;
    };
    const homeNew = await fresh(home);
    const mentionsNew = await fresh(mentions);
    const notificationsNew = await fresh(notifications);
    const searchNew = await fresh(search);

    // Home: what the followed account posted.
    expect(homeNew.map((i) => i.remoteId)).toEqual(expect.arrayContaining([plain.uri, reply.uri, mention.uri]));
    const plainItem = homeNew.find((i) => i.remoteId === plain.uri)!;
    const rkey = plain.uri.split('/').pop();
    expect(plainItem).toMatchObject({
      network: 'bluesky',
      url: `https://bsky.app/profile/bob.test/post/${rkey}`,
      text: 'Trying leitstand for our brand today',
      html: null,
      author: { remoteId: bob.did, handle: 'bob.test', url: 'https://bsky.app/profile/bob.test' },
      replyToRemoteId: null,
      counts: { replies: 0, reposts: 0, likes: 0 },
    });

    // Mentions: the reply, the mention and the quote (as posts), nothing else.
    expect(new Set(mentionsNew.map((i) => i.remoteId))).toEqual(new Set([reply.uri, mention.uri, quote.uri]));
    const quoteItem = mentionsNew.find((i) => i.remoteId === quote.uri)!;
    expect(quoteItem.quoteOfRemoteId).toBe(own.uri);
    expect(quoteItem.media).toHaveLength(1);
    expect(quoteItem.media[0]).toMatchObject({ kind: 'image', alt: 'A single pixel' });
    expect(quoteItem.media[0]!.url).toMatch(/^https?:\/\//);
    expect(mentionsNew.find((i) => i.remoteId === reply.uri)?.replyToRemoteId).toBe(own.uri);
    expect(mentionsNew.find((i) => i.remoteId === mention.uri)).toMatchObject({ text: 'Have you seen this, @alice.test?', language: 'en' });

    // Search: the post with the term, not the others.
    expect(searchNew.map((i) => i.remoteId)).toEqual([plain.uri]);

    // Notifications: everything addressed to Alice, likes and follows as items of their own.
    const byId = new Map(notificationsNew.map((i) => [i.remoteId, i]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining([reply.uri, mention.uri, quote.uri, like.uri, follow.uri]));
    expect(byId.get(like.uri)).toMatchObject({ title: 'like', text: '', quoteOfRemoteId: own.uri, author: { handle: 'bob.test' } });
    expect(byId.get(follow.uri)).toMatchObject({ title: 'follow', url: 'https://bsky.app/profile/bob.test' });
    expect(byId.has(plain.uri)).toBe(false);

    // Nothing arrives twice: the next poll of every column is empty.
    for (const column of [home, mentions, notifications, search]) {
      const again = await column.poll();
      expect(again.items).toEqual([]);
      expect(again.more).toBe(false);
    }
    expect(home.items.length - before.home).toBe(homeNew.length);
    expect(mentions.items.length - before.mentions).toBe(3);
    expect(search.items.length - before.search).toBe(1);
    expect(notifications.items.length - before.notifications).toBe(notificationsNew.length);
  });

  it('catches up 60 new posts 25 at a time, none lost or duplicated, also with posts arriving mid-way', async () => {
    const list = await alice.agent.app.bsky.graph.list.create(
      { repo: alice.did },
      { purpose: 'app.bsky.graph.defs#curatelist', name: 'Watched', createdAt: new Date().toISOString() },
    );
    await alice.agent.app.bsky.graph.listitem.create({ repo: alice.did }, { subject: bob.did, list: list.uri, createdAt: new Date().toISOString() });
    const listColumn = new Column('list', list.uri);
    const author = new Column('author', 'bob.test');
    const bulkSearch = new Column('search', 'bulkpost');
    await dev.network.processAll();
    for (const column of [listColumn, author, bulkSearch]) await column.poll();
    const start = new Map([home, listColumn, author, bulkSearch].map((c) => [c, c.items.length]));

    // 60 posts in three batched writes; three posts share each createdAt, so the catch-up has
    // to tell apart posts at the same instant.
    const base = Date.now();
    const created: string[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      const writes = Array.from({ length: 20 }, (_, i) => {
        const n = batch * 20 + i;
        return {
          $type: 'com.atproto.repo.applyWrites#create' as const,
          collection: 'app.bsky.feed.post',
          value: { $type: 'app.bsky.feed.post', text: `bulkpost number ${n}`, createdAt: new Date(base + Math.floor(n / 3)).toISOString() },
        };
      });
      const res = await bob.agent.com.atproto.repo.applyWrites({ repo: bob.did, writes });
      for (const result of res.data.results ?? []) created.push((result as { uri: string }).uri);
    }
    expect(created).toHaveLength(60);
    await dev.network.processAll();

    for (const column of [home, listColumn, author, bulkSearch]) {
      const first = await column.poll(connector, 25);
      expect(first.items).toHaveLength(25);
      expect(first.more).toBe(true);
    }

    // Two more posts arrive while the columns are still catching up.
    const late = [await bob.agent.post({ text: 'bulkpost late one' }), await bob.agent.post({ text: 'bulkpost late two' })].map((p) => p.uri);
    await dev.network.processAll();

    for (const column of [home, listColumn, author, bulkSearch]) {
      const sizes: number[] = [];
      for (let round = 0; round < 10; round += 1) {
        const result = await column.poll(connector, 25);
        sizes.push(result.items.length);
        if (!result.more) break;
      }
      // 35 of the 60 remain: 25 + 10, then the gap is closed. The late posts come next.
      expect(sizes).toEqual([25, 10]);
      const lateRound = await column.poll(connector, 25);
      expect(lateRound.more).toBe(false);
      expect(new Set(lateRound.items.map((i) => i.remoteId))).toEqual(new Set(late));
      expect((await column.poll(connector, 25)).items).toEqual([]);

      const delivered = column.ids().slice(start.get(column));
      expect(delivered).toHaveLength(62);
      expect(new Set(delivered)).toEqual(new Set([...created, ...late]));
    }
  });

  it('polls a ranked custom feed from its feed generator: the top page, each post once', async () => {
    // A feed generator of our own, ranking Bob's posts oldest first (any order but time).
    const ranked: string[] = [];
    const feedUri = `at://${alice.did}/app.bsky.feed.generator/ranked`;
    // (Cast: the lexicon types want branded AT-URI strings; these are real post URIs.)
    const handler = (async () => ({
      encoding: 'application/json',
      body: { feed: ranked.map((post) => ({ post })) },
    })) as unknown as Parameters<typeof dev.network.createFeedGen>[0][string];
    const generator = await dev.network.createFeedGen({ [feedUri]: handler });
    await alice.agent.app.bsky.feed.generator.create(
      { repo: alice.did, rkey: 'ranked' },
      { did: generator.did, displayName: 'Ranked', createdAt: new Date().toISOString() },
    );
    const posts = [];
    for (const text of ['ranked one', 'ranked two', 'ranked three']) posts.push((await bob.agent.post({ text })).uri);
    ranked.push(...posts);
    await dev.network.processAll();

    const feed = new Column('feed', feedUri);
    expect((await feed.poll()).items.map((i) => i.remoteId)).toEqual(posts);
    const extra = (await bob.agent.post({ text: 'ranked four' })).uri;
    await dev.network.processAll();
    ranked.splice(1, 0, extra); // ranked into the middle, not on top
    expect((await feed.poll()).items.map((i) => i.remoteId)).toEqual([extra]);
    expect((await feed.poll()).items).toEqual([]);
    expect((await pollError(new Column('feed', `at://${alice.did}/app.bsky.feed.generator/missing`))).kind).toBe('not_found');
  });

  it('refreshes an expired access token and stores the new session, with its refresh token', async () => {
    const aged = await expireStoredAccessToken();
    const restarted = newConnector();
    const from = requests.length;

    const result = await home.poll(restarted);
    expect(result.more).toBe(false);
    expect(requests.slice(from)).toContain('/xrpc/com.atproto.server.refreshSession');

    const renewed = storedSession();
    expect(renewed.did).toBe(alice.did);
    expect(renewed.accessJwt).not.toBe(aged.accessJwt);
    expect(jwtClaims(renewed.accessJwt).exp).toBeGreaterThan(Date.now() / 1000);
    expect(renewed.refreshJwt.length).toBeGreaterThan(20);
    expect(renewed.refreshJwt).not.toBe(aged.refreshJwt); // rotated by the PDS
    connector = restarted;
  });

  it('reports a revoked app password as auth (reconnect needed) and keeps the stored refresh token', async () => {
    await alice.agent.com.atproto.server.revokeAppPassword({ name: APP_PASSWORD_NAME });
    // The PDS revokes the refresh tokens at once; access tokens are stateless and live until
    // they expire. Age the stored one, as the next hours would.
    const aged = await expireStoredAccessToken();
    const secretBefore = vault.secrets.get(`${WORKSPACE}/${ALICE}`);
    const writesBefore = vault.writes.length;
    const restarted = newConnector();

    const failure = await pollError(home, restarted);
    expect(failure.kind).toBe('auth');
    expect(vault.secrets.get(`${WORKSPACE}/${ALICE}`)).toBe(secretBefore);
    expect(vault.writes.length).toBe(writesBefore);
    expect(storedSession().refreshJwt).toBe(aged.refreshJwt);

    // Asking again costs no request: the dead refresh token is known.
    const from = requests.length;
    expect((await pollError(mentions, restarted)).kind).toBe('auth');
    expect(requests.length).toBe(from);

    // The revoked app password cannot sign in again either.
    const again = await restarted.sessions.connect(ALICE, { service: dev.pdsUrl, identifier: 'alice.test', password: appPassword }).catch((e: unknown) => e);
    expect((again as ConnectorError).kind).toBe('auth');

    // Reconnecting with a new app password brings the same columns back, from their cursors.
    const fresh = await alice.agent.com.atproto.server.createAppPassword({ name: 'leitstand-2' });
    await restarted.sessions.connect(ALICE, { service: dev.pdsUrl, identifier: 'alice.test', password: fresh.data.password });
    const resumed = await home.poll(restarted);
    expect(resumed.items).toEqual([]);
    connector = restarted;
  });

  it('reports the rate-limit state, and a 429 with how long to wait', async () => {
    const result = await home.poll();
    expect(result.rateLimit).toBeDefined();
    expect(result.rateLimit!.limit).toBeGreaterThan(0);
    expect(result.rateLimit!.remaining).toBeLessThanOrEqual(result.rateLimit!.limit!);
    expect(Date.parse(result.rateLimit!.resetAt!)).toBeGreaterThan(Date.now());

    // createSession allows 30 attempts per identifier in 5 minutes; more are refused. The PDS
    // answers a failed sign-in after 350 ms at the earliest, so the attempts go out together.
    const attempts = await Promise.all(
      Array.from({ length: 34 }, () =>
        connector.sessions
          .connect('account-guess', { service: dev.pdsUrl, identifier: 'nobody.test', password: 'guess' })
          .then(() => null, (e: unknown) => e as ConnectorError),
      ),
    );
    const kinds = attempts.map((e) => e?.kind);
    expect(kinds.filter((k) => k === 'auth').length).toBe(30);
    const limited = attempts.find((e) => e?.kind === 'rate_limited') ?? null;
    expect(limited).not.toBeNull();
    expect(limited!.details.status).toBe(429);
    expect(limited!.details.retryAfterMs).toBeGreaterThan(0);
    expect(limited!.details.retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('tells a missing author, an unknown kind and a cancelled poll apart', async () => {
    expect((await pollError(new Column('author', 'nobody-here.test'))).kind).toBe('not_found');
    expect((await pollError(new Column('trending'))).kind).toBe('not_found');
    expect((await pollError(new Column('search', '  '))).kind).toBe('not_found');
    const aborted = await connector
      .poll({ stream: new Column('home').spec, cursor: null, signal: AbortSignal.abort(), maxItems: 10 })
      .then(
        () => null,
        (e: unknown) => e as ConnectorError,
      );
    expect(aborted?.kind).toBe('timeout');
  });

  it('only ever talked to 127.0.0.1', () => {
    // loopbackFetch throws for any other host; reaching here with requests made means none was tried.
    expect(requests.length).toBeGreaterThan(50);
  });
});
