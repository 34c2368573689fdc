// items.thread for Bluesky through the core (real connector, real store) against the official
// AT Protocol dev network: a root post by alice, replies by bob and alice two levels deep; the
// thread of the middle reply, read as alice's connected account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createUser, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';

interface Thread {
  ancestors: StoredItem[];
  item: StoredItem;
  replies: StoredItem[];
}

let dev: DevNetwork;
let alice: TestUser;
let bob: TestUser;
let core: Core;
let workspaceId: string;
let account: AccountView;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bluesky-thread-'));
const vault = new MemoryVault();
const posts: Record<string, { uri: string; cid: string }> = {};

const call = <T>(method: string, params: unknown) => callCore<T>(core, method, params);
const waitFor = (name: EventName, matches: (payload: never) => boolean, timeoutMs?: number) => nextEvent(core, name, matches, timeoutMs);

/** Polls the column now and waits until that poll is over. */
async function refresh(column: StreamView): Promise<void> {
  const done = waitFor('poll.status', (p: { streamId: string; status: { state: string; lastPollAt: string | null } }) =>
    p.streamId === column.id && p.status.state !== 'polling' && p.status.state !== 'waiting' && p.status.lastPollAt !== null,
  );
  await call('streams.refresh', { id: column.id });
  await done;
}

async function reply(author: TestUser, text: string, parent: string, root = 'root'): Promise<void> {
  const ref = (name: string) => ({ uri: posts[name]!.uri, cid: posts[name]!.cid });
  posts[text.split(':')[0]!.toLowerCase()] = await author.agent.post({ text, reply: { root: ref(root), parent: ref(parent) } });
}

beforeAll(async () => {
  dev = await startDevNetwork();
  [alice, bob] = [await createUser(dev, 'alice'), await createUser(dev, 'bob')];
  const appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;

  posts.root = await alice.agent.post({ text: 'Root: new opening hours from Monday' });
  await reply(bob, 'Middle: open on Sundays too?', 'root');
  await reply(alice, 'Deep: yes, from ten', 'middle');
  await reply(bob, 'Deeper: great, see you then', 'deep');
  await reply(bob, 'Later: and on holidays?', 'middle');
  await reply(bob, 'Sibling: congratulations', 'root');
  await dev.network.processAll();

  core = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault, log: () => {} });
  workspaceId = (await call<{ id: string }>('workspaces.create', { name: 'Own brand' })).id;
  account = await call<AccountView>('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'alice.test', appPassword });
}, 180_000);

afterAll(async () => {
  core?.close();
  await dev?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Bluesky threads through the core', () => {
  let column: StreamView;
  let middle: StoredItem;

  it('answers the thread of a middle reply: the root, the item, the replies in reading order', async () => {
    column = await call<StreamView>('streams.add', { workspaceId, network: 'bluesky', kind: 'author', query: 'bob.test', accountId: account.id });
    await refresh(column);
    const page = await call<{ items: StoredItem[] }>('items.page', { streamId: column.id });
    middle = page.items.find((i) => i.remoteId === posts.middle!.uri)!;
    expect(middle, JSON.stringify(page.items.map((i) => i.text))).toBeDefined();

    const thread = await call<Thread>('items.thread', { workspaceId, itemId: middle.id });
    expect(thread.ancestors.map((i) => i.text)).toEqual(['Root: new opening hours from Monday']);
    expect(thread.ancestors[0]).toMatchObject({ remoteId: posts.root!.uri, replyToRemoteId: null, read: false, author: { handle: 'alice.test' } });
    expect(thread.item).toMatchObject({ id: middle.id, remoteId: posts.middle!.uri, replyToRemoteId: posts.root!.uri, read: false });
    // Depth first, siblings oldest first; the root's other reply is not part of this thread.
    expect(thread.replies.map((i) => i.text)).toEqual(['Deep: yes, from ten', 'Deeper: great, see you then', 'Later: and on holidays?']);
    expect(thread.replies.map((i) => i.replyToRemoteId)).toEqual([posts.middle!.uri, posts.deep!.uri, posts.middle!.uri]);
    expect(thread.replies.map((i) => i.author?.handle)).toEqual(['alice.test', 'bob.test', 'bob.test']);
    expect(thread.item.counts.replies).toBe(2);

    // Posts that only the thread brought in got local ids, but joined no column.
    const ids = [...thread.ancestors, thread.item, ...thread.replies].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);
    const after = await call<{ items: StoredItem[] }>('items.page', { streamId: column.id });
    expect(after.items.map((i) => i.id).sort()).toEqual(page.items.map((i) => i.id).sort());
    expect(after.items.some((i) => i.remoteId === posts.root!.uri)).toBe(false);

    // The same thread again: the same local ids (deduplicated by remote id).
    const again = await call<Thread>('items.thread', { workspaceId, itemId: middle.id });
    expect([...again.ancestors, again.item, ...again.replies].map((i) => i.id)).toEqual(ids);
  });

  it('answers not_found once the post is deleted, and for an item outside the workspace', async () => {
    const other = await call<{ id: string }>('workspaces.create', { name: 'Someone else' });
    expect(await core.dispatcher.call('items.thread', { workspaceId: other.id, itemId: middle.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await bob.agent.deletePost(posts.middle!.uri);
    await dev.network.processAll();
    expect(await core.dispatcher.call('items.thread', { workspaceId, itemId: middle.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
