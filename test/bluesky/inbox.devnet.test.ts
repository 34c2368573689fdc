// The inbox and the reply composer end to end through Leitstand's core, against the official AT
// Protocol dev network: a mention from a customer arrives through the account's hidden inbox
// source, the reply composed in Leitstand goes out once through the outbox, threaded under root
// and parent with facets, shows in the thread view, and the item records its first response.
import { AppBskyRichtextFacet, RichText, type AppBskyFeedPost } from '@atproto/api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { AccountView } from '../../src/shared/contract/accounts';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import type { InboxItemView } from '../../src/shared/contract/inbox';
import type { StoredItem } from '../../src/shared/contract/items';
import { call as callCore, nextEvent } from '../support/core';
import { MemoryVault } from '../support/memoryVault';
import { createUser, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';

let dev: DevNetwork;
let brand: TestUser;
let customer: TestUser;
let core: Core;
let workspaceId: string;
let account: AccountView;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bluesky-inbox-'));
const vault = new MemoryVault();
const call = <T>(method: string, params: unknown) => callCore<T>(core, method, params);

beforeAll(async () => {
  dev = await startDevNetwork();
  [brand, customer] = [await createUser(dev, 'brand'), await createUser(dev, 'customer')];
  const appPassword = (await brand.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;
  core = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault, log: () => {} });
  workspaceId = (await call<{ id: string }>('workspaces.create', { name: 'Brand' })).id;
  account = await call<AccountView>('accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: 'brand.test', appPassword });
}, 120_000);

afterAll(async () => {
  core?.close();
  await dev?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('answering a Bluesky mention from the inbox', () => {
  let root: { uri: string; cid: string };
  let mention: { uri: string; cid: string };
  let inboxItem: InboxItemView;
  let entry: OutboxEntry;

  it('a mention from a second account becomes an inbox item through the hidden inbox source', async () => {
    root = await customer.agent.post({ text: 'Our bike broke down on day two', createdAt: new Date().toISOString() });
    const rich = new RichText({ text: '@brand.test can you help? Still waiting for an answer' });
    await rich.detectFacets(customer.agent);
    mention = await customer.agent.post({ text: rich.text, facets: rich.facets, reply: { root, parent: root }, createdAt: new Date().toISOString() });
    await dev.network.processAll();

    const arrived = nextEvent(core, 'inbox.changed', () => true, 60_000);
    const source = core.store.db.prepare("SELECT id FROM streams WHERE role = 'inbox' AND account_id = ?").get(account.id) as { id: string } | undefined;
    expect(source, 'the account has its hidden inbox source').toBeDefined();
    await call('streams.refresh', { id: source!.id });
    await arrived;

    const list = await call<{ items: InboxItemView[] }>('inbox.list', { workspaceId });
    expect(list.items.map((i) => [i.item.remoteId, i.status])).toEqual([[mention.uri, 'open']]);
    inboxItem = list.items[0]!;
    expect(inboxItem.firstResponseAt).toBeNull();
  });

  it('sends the reply draft once, threaded under root and parent, with mention, link and hashtag facets', async () => {
    const key = `reply:${inboxItem.id}`;
    const text = '@customer.test sorry! Book a free repair: https://example.com/repair #service';
    const content = { text, spoilerText: null, language: 'en', visibility: null, appendSignature: false };
    await call('drafts.save', { workspaceId, key, accountId: account.id, content });
    const published = nextEvent(core, 'outbox.changed', (p: { entry: OutboxEntry }) => p.entry.state === 'published' || p.entry.state === 'failed', 60_000);
    entry = await call<OutboxEntry>('composer.send', { workspaceId, key, accountId: account.id, content });
    expect(entry).toMatchObject({ state: 'scheduled', inboxItemId: inboxItem.id, network: 'bluesky' });
    const done = ((await published) as { entry: OutboxEntry }).entry;
    expect(done).toMatchObject({ id: entry.id, state: 'published', error: null });
    expect((await call<{ draft: unknown }>('drafts.get', { workspaceId, key })).draft).toBeNull();

    const posts = await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post' });
    expect(posts.data.records.map((r) => r.uri)).toEqual([done.remoteId]);
    const record = posts.data.records[0]!.value as AppBskyFeedPost.Record;
    expect(record.text).toBe(text);
    expect(record.reply).toEqual({ root: { uri: root.uri, cid: root.cid }, parent: { uri: mention.uri, cid: mention.cid } });
    const kinds = (record.facets ?? []).map((f) => {
      const feature = f.features[0];
      if (AppBskyRichtextFacet.isMention(feature)) return ['mention', feature.did];
      if (AppBskyRichtextFacet.isLink(feature)) return ['link', feature.uri];
      if (AppBskyRichtextFacet.isTag(feature)) return ['tag', feature.tag];
      return ['other', ''];
    });
    expect(kinds).toEqual([
      ['mention', customer.did],
      ['link', 'https://example.com/repair'],
      ['tag', 'service'],
    ]);

    const { entries } = await call<{ entries: OutboxEntry[] }>('outbox.list', { workspaceId });
    expect(entries.map((e) => [e.id, e.state, e.attempts])).toEqual([[entry.id, 'published', 1]]);
    entry = done;

    // The AppView has not indexed the reply yet (nothing processed it): the thread shows it all the same, from what we published.
    const early = await call<{ replies: StoredItem[] }>('items.thread', { workspaceId, itemId: inboxItem.item.id });
    expect(early.replies.map((i) => [i.remoteId, i.text])).toEqual([[done.remoteId, text]]);
  });

  it('shows the reply in the thread view and records the first response', async () => {
    await dev.network.processAll();
    const thread = await call<{ ancestors: StoredItem[]; item: StoredItem; replies: StoredItem[] }>('items.thread', { workspaceId, itemId: inboxItem.item.id });
    expect(thread.ancestors.map((i) => i.remoteId)).toEqual([root.uri]);
    expect(thread.replies.map((i) => [i.remoteId, i.author?.handle])).toEqual([[entry.remoteId, 'brand.test']]);

    const { entry: answered } = await call<{ entry: InboxItemView }>('inbox.get', { workspaceId, id: inboxItem.id });
    expect(answered.firstResponseAt).toBe(entry.publishedAt);
    expect(answered.status).toBe('done');
  });
});
