import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type ThreadResult } from '../../../src/main/core/connectors/connector';
import { createCore, type Core } from '../../../src/main/core/createCore';
import { incomingItemSchema, type StoredItem } from '../../../src/shared/contract/items';
import type { FakeAccount, FakeStatus } from '../../fakes/mastodon/entities';
import { readOobCode, useFakeMastodon } from '../../fakes/mastodon';
import { call, nextEvent } from '../../support/core';
import { MemoryVault } from '../../support/memoryVault';
import { tempDir } from '../../support/tempDir';
import { connectorFor, rejection } from './helpers';

describe('Mastodon threads from the fake instance', () => {
  const fake = useFakeMastodon();
  /** The federation URI of a status, as the fake's statusJson builds it. */
  const uri = (s: FakeStatus) => {
    const a = fake().state.accounts.get(s.accountId)!;
    return a.domain ? `https://${a.domain}/users/${a.username}/statuses/${s.id}` : `${fake().url}/users/${a.username}/statuses/${s.id}`;
  };
  const ids = (items: Array<{ remoteId: string }>) => items.map((i) => i.remoteId);

  /**
   * root (brand) <- one (alice) <- two (bob, remote) <- four (carol, remote); root <- three (dave).
   * Posted in the order root, one, two, three, four.
   */
  function seedThread() {
    const s = fake().state;
    const alice = s.addAccount({ username: 'alice', displayName: 'Alice' });
    const bob = s.addAccount({ username: 'bob', domain: 'social.example', displayName: 'Bob' });
    const carol = s.addAccount({ username: 'carol', domain: 'press.example', displayName: 'Carol' });
    const dave = s.addAccount({ username: 'dave' });
    const root = s.post(s.me, { content: '<p>We open a new branch in Bern</p>' });
    const one = s.post(alice, { content: '<p>Which street?</p>', inReplyTo: root });
    const two = s.post(bob, { content: '<p>Marktgasse, I heard</p>', inReplyTo: one });
    const three = s.post(dave, { content: '<p>Finally!</p>', inReplyTo: root });
    const four = s.post(carol, { content: '<p>Confirmed, number 12</p>', inReplyTo: two });
    return { alice, bob, carol, dave, root, one, two, three, four };
  }

  /** The status JSON as the instance serves it: what a poll stores as the item's raw. */
  async function rawOf(status: FakeStatus, token: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${fake().url}/api/v1/statuses/${status.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  const searched = () => fake().log.filter((e) => e.url.startsWith('/api/v2/search'));

  function validate(thread: ThreadResult) {
    for (const item of [...thread.ancestors, thread.item, ...thread.replies]) incomingItemSchema.parse(item);
  }

  it('reads ancestors and descendants by the stored status id, with reply parents as URIs', async () => {
    const t = seedThread();
    const { connector, token } = connectorFor(fake());
    const thread = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(t.one), raw: await rawOf(t.one, token), signal: AbortSignal.timeout(10_000) });
    validate(thread);
    expect(ids(thread.ancestors)).toEqual([uri(t.root)]);
    expect(thread.item).toMatchObject({ remoteId: uri(t.one), text: 'Which street?', replyToRemoteId: uri(t.root) });
    // Only what hangs below the item; the sibling reply to the root is not part of it.
    expect(ids(thread.replies)).toEqual([uri(t.two), uri(t.four)]);
    expect(thread.replies.map((r) => r.replyToRemoteId)).toEqual([uri(t.one), uri(t.two)]);
    expect((thread.item.raw as { id: string }).id).toBe(t.one.id);
    expect(searched()).toEqual([]);
    expect(fake().log.map((e) => e.url.split('?')[0])).toEqual([
      `/api/v1/statuses/${t.one.id}`, // rawOf
      `/api/v1/statuses/${t.one.id}`,
      `/api/v1/statuses/${t.one.id}/context`,
    ]);
  });

  it('flattens replies depth first, siblings oldest first', async () => {
    const t = seedThread();
    const { connector, token } = connectorFor(fake());
    const thread = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(t.root), raw: await rawOf(t.root, token), signal: AbortSignal.timeout(10_000) });
    expect(thread.ancestors).toEqual([]);
    expect(ids(thread.replies)).toEqual([t.one, t.two, t.four, t.three].map(uri));
  });

  it('resolves a URI from another instance with search (stored id from elsewhere, or no payload at all)', async () => {
    const t = seedThread();
    const { connector, token } = connectorFor(fake());
    // The item came in through an account on another instance: same URI, that instance's id.
    const elsewhere = { ...(await rawOf(t.two, token)), id: '987654321' };
    const thread = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(t.two), raw: elsewhere, signal: AbortSignal.timeout(10_000) });
    validate(thread);
    expect(uri(t.two)).toMatch(/^https:\/\/social\.example\//);
    expect(ids(thread.ancestors)).toEqual([uri(t.root), uri(t.one)]);
    expect(thread.item.remoteId).toBe(uri(t.two));
    expect(ids(thread.replies)).toEqual([uri(t.four)]);
    expect(searched()).toHaveLength(1);
    const search = new URL(searched()[0]!.url, fake().url).searchParams;
    expect(Object.fromEntries(search)).toMatchObject({ q: uri(t.two), resolve: 'true', type: 'statuses' });

    // An id of this instance that names another post is not trusted either.
    const wrongId = { ...(await rawOf(t.two, token)), id: t.three.id };
    const again = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(t.two), raw: wrongId, signal: AbortSignal.timeout(10_000) });
    expect(again.item.remoteId).toBe(uri(t.two));
    expect(searched()).toHaveLength(2);

    const bare = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(t.four), signal: AbortSignal.timeout(10_000) });
    expect(ids(bare.ancestors)).toEqual([t.root, t.one, t.two].map(uri));
    expect(bare.replies).toEqual([]);
    expect(searched()).toHaveLength(3);
  });

  it('answers not_found for a post the instance cannot find, auth for a revoked token', async () => {
    seedThread();
    const { connector } = connectorFor(fake());
    const missing = await rejection(connector.fetchThread!({ accountId: 'acc-1', remoteId: 'https://gone.example/users/x/statuses/1', signal: AbortSignal.timeout(10_000) }));
    expect(missing).toBeInstanceOf(ConnectorError);
    expect(missing).toMatchObject({ kind: 'not_found' });
    fake().revokeAllTokens();
    const revoked = await rejection(connector.fetchThread!({ accountId: 'acc-1', remoteId: 'https://gone.example/users/x/statuses/1', signal: AbortSignal.timeout(10_000) }));
    expect(revoked).toMatchObject({ kind: 'auth' });
    expect(await rejection(connector.fetchThread!({ accountId: 'nobody', remoteId: 'https://x.example/s/1', signal: AbortSignal.timeout(10_000) }))).toMatchObject({ kind: 'auth' });
  });

  it('caps reply depth at six levels below the item', async () => {
    const s = fake().state;
    const root = s.post(s.me, { content: '<p>Deep</p>' });
    let parent = root;
    const chain: FakeStatus[] = [];
    for (let i = 0; i < 9; i++) chain.push((parent = s.post(s.me, { content: `<p>Level ${i + 1}</p>`, inReplyTo: parent })));
    const { connector } = connectorFor(fake());
    const thread = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(root), signal: AbortSignal.timeout(10_000) });
    expect(ids(thread.replies)).toEqual(chain.slice(0, 6).map(uri));
  });
});

describe('items.thread through the core with a connected Mastodon account', () => {
  const fake = useFakeMastodon();
  let core: Core | undefined;
  afterEach(() => core?.close());

  it('answers the thread of a column item, stores the posts outside any column, and maps failures', async () => {
    const c = (core = createCore({ dataDir: tempDir(), appVersion: 'test', shell: 'headless', vault: new MemoryVault(), oauthMode: 'paste', log: () => {} }));
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const begun = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const account = await call<{ id: string }>(c, 'accounts.completeMastodon', { pendingId: begun.pendingId, code: await readOobCode(begun.authorizeUrl) });

    const s = fake().state;
    const alice: FakeAccount = s.addAccount({ username: 'alice' });
    const stranger: FakeAccount = s.addAccount({ username: 'zoe', domain: 'elsewhere.example' });
    s.follow(alice);
    const root = s.post(s.me, { content: '<p>Opening hours change on Monday</p>' });
    const reply = s.post(alice, { content: '<p>Also on holidays?</p>', inReplyTo: root });
    const strangerReply = s.post(stranger, { content: '<p>Zürich too?</p>', inReplyTo: reply });

    const arrived = nextEvent(c, 'items.added');
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'mastodon', kind: 'home', accountId: account.id });
    await arrived;
    const page = await call<{ items: StoredItem[] }>(c, 'items.page', { streamId: stream.id });
    expect(page.items.map((i) => i.text).sort()).toEqual(['Also on holidays?', 'Opening hours change on Monday']);
    const polledReply = page.items.find((i) => i.text === 'Also on holidays?')!;

    const thread = await call<{ ancestors: StoredItem[]; item: StoredItem; replies: StoredItem[] }>(c, 'items.thread', { workspaceId, itemId: polledReply.id });
    expect(thread.ancestors.map((i) => i.text)).toEqual(['Opening hours change on Monday']);
    expect(thread.ancestors[0]!.id).toBe(page.items.find((i) => i.text.startsWith('Opening'))!.id);
    expect(thread.item).toMatchObject({ id: polledReply.id, read: false });
    expect(thread.replies).toMatchObject([{ text: 'Zürich too?', read: false, replyToRemoteId: polledReply.remoteId, id: expect.any(Number) }]);
    expect(thread.replies[0]!.remoteId).toContain(`/statuses/${strangerReply.id}`);
    // The stored id was used: no search.
    expect(fake().log.some((e) => e.url.startsWith('/api/v2/search'))).toBe(false);

    // Stored, but in no column.
    const after = await call<{ items: StoredItem[] }>(c, 'items.page', { streamId: stream.id });
    expect(after.items).toHaveLength(2);
    // Read state is the workspace's: once the column has it read, the thread says so too.
    await call(c, 'items.markRead', { workspaceId, ids: [polledReply.id] });
    const again = await call<{ item: StoredItem; replies: StoredItem[] }>(c, 'items.thread', { workspaceId, itemId: polledReply.id });
    expect(again.item.read).toBe(true);
    expect(again.replies[0]!.id).toBe(thread.replies[0]!.id);

    // An item that only a thread brought in is in no column of the workspace: not_found, as is any unknown id.
    expect(await c.dispatcher.call('items.thread', { workspaceId, itemId: thread.replies[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const other = await call<{ id: string }>(c, 'workspaces.create', { name: 'Helsana' });
    expect(await c.dispatcher.call('items.thread', { workspaceId: other.id, itemId: polledReply.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A revoked token: reconnect_needed, and the account says so.
    fake().revokeAllTokens();
    const marked = nextEvent(c, 'accounts.changed');
    expect(await c.dispatcher.call('items.thread', { workspaceId, itemId: polledReply.id })).toMatchObject({ ok: false, error: { code: 'reconnect_needed' } });
    expect(await marked).toMatchObject({ accounts: [{ id: account.id, status: 'reconnect_needed' }] });
  });
});
