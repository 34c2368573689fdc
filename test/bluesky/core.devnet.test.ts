// Leitstand's core as the app runs it (real poller, real SQLite store, events) against the
// official AT Protocol dev network: connect an account with an app password, add columns, watch
// a second account's posts, replies, mentions and likes arrive in the right column; expire the
// session, revoke it, reconnect. The tests build on each other, as a user's day would.
import { RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStoredSession } from '../../src/main/core/connectors/bluesky/session';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { AccountView } from '../../src/shared/contract/accounts';
import type { StoredItem } from '../../src/shared/contract/items';
import type { EventName } from '../../src/shared/contract/names';
import type { StreamView } from '../../src/shared/contract/streams';
import { call as callCore, nextEvent } from '../support/core';
import { MemoryVault } from '../support/memoryVault';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser, expiredCopyOf, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';

let dev: DevNetwork;
let alice: TestUser;
let bob: TestUser;
let appPassword: string;
let core: Core;
let workspaceId: string;
let account: AccountView;
// One data folder for the whole file: the tests restart the core on it, as a user restarts the app.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bluesky-core-'));
const vault = new MemoryVault();
const columns: Record<string, StreamView> = {};

function startCore(): Core {
  return createCore({ dataDir, appVersion: 'test', shell: 'headless', vault, log: () => {} });
}

const call = <T>(method: string, params: unknown) => callCore<T>(core, method, params);

const waitFor = (name: EventName, matches: (payload: never) => boolean, timeoutMs?: number) => nextEvent(core, name, matches, timeoutMs);

async function texts(column: StreamView): Promise<string[]> {
  const page = await call<{ items: StoredItem[] }>('items.page', { streamId: column.id });
  return page.items.map((item) => item.text);
}

/** Polls the column now and waits until that poll is over. */
async function refresh(column: StreamView): Promise<void> {
  const done = waitFor('poll.status', (p: { streamId: string; status: { state: string; lastPollAt: string | null } }) =>
    p.streamId === column.id && p.status.state !== 'polling' && p.status.state !== 'waiting' && p.status.lastPollAt !== null,
  );
  await call('streams.refresh', { id: column.id });
  await done;
}

/** Posts with the mention turned into a facet, as the Bluesky app does. */
async function mention(author: TestUser, text: string): Promise<void> {
  const rich = new RichText({ text });
  await rich.detectFacets(author.agent);
  await author.agent.post({ text: rich.text, facets: rich.facets });
}

beforeAll(async () => {
  dev = await startDevNetwork();
  [alice, bob] = [await createUser(dev, 'alice'), await createUser(dev, 'bob')];
  appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;
  await alice.agent.follow(bob.did);
  await dev.network.processAll();
  core = startCore();
  workspaceId = (await call<{ id: string }>('workspaces.create', { name: 'Own brand' })).id;
}, 120_000);

afterAll(async () => {
  core?.close();
  await dev?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Bluesky through the core, the poller and the store', () => {
  it('refuses a wrong password and the main password, and connects with an app password on a custom PDS', async () => {
    const wrong = await core.dispatcher.call('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'alice.test', appPassword: 'nope-nope-nope-nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'login_rejected' } });
    const main = await core.dispatcher.call('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'alice.test', appPassword: alice.mainPassword });
    expect(main).toMatchObject({ ok: false, error: { code: 'invalid_params', reason: 'app_password_required' } });
    expect(vault.secrets.size).toBe(0);

    account = await call<AccountView>('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'alice.test', appPassword });
    expect(account).toMatchObject({ network: 'bluesky', handle: 'alice.test', status: 'connected' });
    const stored = [...vault.secrets.values()].join('');
    expect(stored).not.toContain(appPassword);
    expect(JSON.stringify(core.store.db.prepare('SELECT * FROM accounts').all())).not.toContain(parseStoredSession(stored)!.refreshJwt);
  });

  it('shows a second account’s post, reply, mention and like in the right columns', async () => {
    for (const [kind, query] of [['home', null], ['mentions', null], ['notifications', null], ['search', 'leitstand']] as const) {
      columns[kind] = await call<StreamView>('streams.add', { workspaceId, network: 'bluesky', kind, query, accountId: account.id });
    }
    const own = await alice.agent.post({ text: 'Our shop opens at nine today' });
    await bob.agent.post({ text: 'Trying leitstand for our community today' });
    await bob.agent.post({ text: 'Will you open on Sunday?', reply: { root: { uri: own.uri, cid: own.cid }, parent: { uri: own.uri, cid: own.cid } } });
    await mention(bob, '@alice.test your new app is great');
    await bob.agent.like(own.uri, own.cid);
    await dev.network.processAll();

    for (const column of Object.values(columns)) await refresh(column);
    expect(await texts(columns.home!)).toEqual(
      expect.arrayContaining(['Our shop opens at nine today', 'Trying leitstand for our community today', '@alice.test your new app is great']),
    );
    expect((await texts(columns.mentions!)).sort()).toEqual(['@alice.test your new app is great', 'Will you open on Sunday?']);
    expect(await texts(columns.search!)).toEqual(['Trying leitstand for our community today']);
    const notes = await call<{ items: StoredItem[] }>('items.page', { streamId: columns.notifications!.id });
    expect(notes.items.map((item) => item.title)).toContain('like');

    const list = await call<{ streams: StreamView[] }>('streams.list', { workspaceId });
    for (const stream of list.streams) expect(stream.status.lastError, stream.kind).toBeNull();
    // Every item keeps the network's own payload, for analysis later.
    expect(core.store.db.prepare("SELECT COUNT(*) AS n FROM items WHERE raw IS NULL OR raw NOT LIKE '%at://%'").get()).toEqual({ n: 0 });
    expect(list.streams.find((s) => s.id === columns.mentions!.id)!.unread).toBe(2);
  });

  it('arrives by itself: a new mention reaches its column through the poller’s own schedule', async () => {
    const arrived = waitFor('items.added', (p: { streamId: string }) => p.streamId === columns.mentions!.id, 60_000);
    await mention(bob, 'hello @alice.test');
    await dev.network.processAll();
    expect(await arrived).toMatchObject({ added: 1 });
    expect(await texts(columns.mentions!)).toContain('hello @alice.test');
  }, 70_000);

  it('refreshes an expired session after a restart and keeps a non-empty refresh token', async () => {
    core.close();
    const [key, secret] = [...vault.secrets.entries()][0]!;
    const session = parseStoredSession(secret)!;
    vault.secrets.set(key, JSON.stringify({ ...JSON.parse(secret), accessJwt: expiredCopyOf(session.accessJwt, dev) }));
    core = startCore();
    await bob.agent.post({ text: 'leitstand after the weekend' });
    await dev.network.processAll();
    await refresh(columns.search!);
    expect(await texts(columns.search!)).toContain('leitstand after the weekend');
    const renewed = parseStoredSession(vault.secrets.get(key)!)!;
    expect(renewed.refreshJwt).toBeTruthy();
    expect(renewed.refreshJwt).not.toBe(session.refreshJwt);
    expect(renewed.accessJwt).not.toBe(session.accessJwt);
  });

  it('marks the account "reconnect needed" when the app password is revoked, and resumes after reconnecting', async () => {
    await alice.agent.com.atproto.server.revokeAppPassword({ name: 'leitstand' });
    // The PDS revokes refresh tokens; an access token lives until it expires, which we let happen.
    core.close();
    const [key, secret] = [...vault.secrets.entries()][0]!;
    vault.secrets.set(key, JSON.stringify({ ...JSON.parse(secret), accessJwt: expiredCopyOf(parseStoredSession(secret)!.accessJwt, dev) }));
    core = startCore();
    const marked = waitFor('accounts.changed', (p: { accounts: AccountView[] }) => p.accounts.some((a) => a.status === 'reconnect_needed'));
    await call('streams.refresh', { id: columns.home!.id });
    await marked;
    const list = await call<{ streams: StreamView[] }>('streams.list', { workspaceId });
    expect(list.streams.map((s) => s.status.state)).toEqual(list.streams.map(() => 'reconnect_needed'));
    expect(await texts(columns.home!)).toContain('Our shop opens at nine today'); // nothing lost

    const fresh = (await alice.agent.com.atproto.server.createAppPassword({ name: 'leitstand-2' })).data.password;
    await bob.agent.post({ text: 'leitstand is back' });
    await dev.network.processAll();
    const resumed = waitFor('items.added', (p: { streamId: string }) => p.streamId === columns.search!.id, 30_000);
    const again = await call<AccountView>('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'alice.test', appPassword: fresh, accountId: account.id });
    expect(again).toMatchObject({ id: account.id, status: 'connected' });
    await resumed;
    expect(await texts(columns.search!)).toContain('leitstand is back');
  }, 60_000);
});
