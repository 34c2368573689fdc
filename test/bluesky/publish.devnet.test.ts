// Publishing through the Bluesky connector on the official AT Protocol dev network: real PDS,
// real AppView. One network for the file; the tests build on each other.
import { TID } from '@atproto/common-web';
import { AppBskyFeedDefs, AppBskyRichtextFacet, type AppBskyEmbedImages, type AppBskyFeedPost } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyConnector } from '../../src/main/core/connectors/bluesky';
import type { PolledItem, PublishRequest } from '../../src/main/core/connectors/connector';
import type { VaultEntry } from '../../src/main/core/vault/vault';
import { incomingItemSchema } from '../../src/shared/contract/items';
import { MemoryVault } from '../support/memoryVault';
import { createUser, loopbackFetch, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';

const BRAND = 'account-brand';
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

let dev: DevNetwork;
let brand: TestUser;
let customer: TestUser;
let helper: TestUser;
let connector: BlueskyConnector;
const vault = new MemoryVault();

const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  accountId: BRAND,
  idempotencyKey: TID.nextStr(),
  text: 'Hello',
  spoilerText: null,
  language: null,
  visibility: null,
  replyTo: null,
  media: [],
  signal: AbortSignal.timeout(30_000),
  ...overrides,
});

async function recordOf(uri: string): Promise<AppBskyFeedPost.Record> {
  const [, , repo, collection, rkey] = uri.split('/');
  const res = await customer.agent.com.atproto.repo.getRecord({ repo: repo!, collection: collection!, rkey: rkey! });
  return res.data.value as AppBskyFeedPost.Record;
}

async function brandPostCount(): Promise<number> {
  const res = await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post', limit: 100 });
  return res.data.records.length;
}

beforeAll(async () => {
  dev = await startDevNetwork();
  brand = await createUser(dev, 'brand');
  customer = await createUser(dev, 'customer');
  helper = await createUser(dev, 'helper');
  const appPassword = (await brand.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;
  connector = new BlueskyConnector({ vault, vaultEntry: (accountId): VaultEntry => ({ workspaceId: 'w', accountId }), fetch: loopbackFetch() });
  await connector.sessions.connect(BRAND, { service: dev.pdsUrl, identifier: 'brand.test', password: appPassword });
});

afterAll(async () => {
  await dev?.close();
});

describe('publishing on the Bluesky dev network', () => {
  let root: { uri: string; cid: string };
  let question: { uri: string; cid: string };
  let questionItem: PolledItem;
  let replyUri: string;

  it('replies threaded under root and parent, with facets for a mention, a link and a hashtag, and an image with alt text', async () => {
    root = await customer.agent.post({ text: 'Who else is waiting for the new model?', createdAt: new Date().toISOString() });
    question = await helper.agent.post({
      text: '@brand.test any date yet?',
      reply: { root, parent: root },
      createdAt: new Date().toISOString(),
    });
    await dev.network.processAll();
    // The item as the app stores it: polled or read in a thread, with the PostView as raw.
    const thread = await connector.fetchThread({ accountId: BRAND, remoteId: question.uri, signal: AbortSignal.timeout(30_000) });
    questionItem = thread.item;

    const key = TID.nextStr();
    const text = '@helper.test it ships in March, details: https://example.com/launch #launch';
    const result = await connector.publishPost(
      request({
        idempotencyKey: key,
        text,
        language: 'de',
        replyTo: { remoteId: questionItem.remoteId, raw: questionItem.raw },
        media: [{ bytes: new Uint8Array(PNG), mimeType: 'image/png', alt: 'The new model in red' }],
      }),
    );
    replyUri = result.remoteId;
    expect(result.remoteId).toBe(`at://${brand.did}/app.bsky.feed.post/${key}`);
    expect(result.url).toBe(`https://bsky.app/profile/brand.test/post/${key}`);
    incomingItemSchema.parse(result.item);
    expect(result.item).toMatchObject({ network: 'bluesky', remoteId: result.remoteId, text, language: 'de', replyToRemoteId: question.uri, author: { remoteId: brand.did, handle: 'brand.test' } });

    const record = await recordOf(result.remoteId);
    expect(record.reply).toEqual({ root: { uri: root.uri, cid: root.cid }, parent: { uri: question.uri, cid: question.cid } });
    expect(record.langs).toEqual(['de']);
    const features = (record.facets ?? []).map((facet) => {
      const feature = facet.features[0]!;
      const slice = Buffer.from(text, 'utf8').subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8');
      if (AppBskyRichtextFacet.isMention(feature)) return ['mention', slice, feature.did];
      if (AppBskyRichtextFacet.isLink(feature)) return ['link', slice, feature.uri];
      if (AppBskyRichtextFacet.isTag(feature)) return ['tag', slice, feature.tag];
      return ['other', slice, ''];
    });
    expect(features).toEqual([
      ['mention', '@helper.test', helper.did],
      ['link', 'https://example.com/launch', 'https://example.com/launch'],
      ['tag', '#launch', 'launch'],
    ]);
    const embed = record.embed as AppBskyEmbedImages.Main;
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images.map((image) => [image.alt, image.image.mimeType, image.image.size])).toEqual([['The new model in red', 'image/png', PNG.length]]);

    // The AppView threads it where it belongs.
    await dev.network.processAll();
    const seen = await customer.agent.getPostThread({ uri: result.remoteId, parentHeight: 5 });
    const view = seen.data.thread;
    expect(AppBskyFeedDefs.isThreadViewPost(view)).toBe(true);
    const parent = (view as AppBskyFeedDefs.ThreadViewPost).parent as AppBskyFeedDefs.ThreadViewPost;
    expect(parent.post.uri).toBe(question.uri);
    expect((parent.parent as AppBskyFeedDefs.ThreadViewPost).post.uri).toBe(root.uri);
  });

  it('leaves a mention of a handle that does not exist as plain text', async () => {
    const result = await connector.publishPost(request({ text: '@nobody.test and @customer.test, see you' }));
    const record = await recordOf(result.remoteId);
    expect((record.facets ?? []).map((f) => f.features.map((feature) => (AppBskyRichtextFacet.isMention(feature) ? feature.did : '?')))).toEqual([[customer.did]]);
  });

  it('reads the reply refs from the network when the stored item has no payload', async () => {
    const result = await connector.publishPost(request({ text: 'Thanks for asking!', replyTo: { remoteId: root.uri, raw: null } }));
    const record = await recordOf(result.remoteId);
    expect(record.reply).toEqual({ root: { uri: root.uri, cid: root.cid }, parent: { uri: root.uri, cid: root.cid } });
  });

  it('reconciles by record key: publishing the same entry twice leaves exactly one post', async () => {
    const before = await brandPostCount();
    const same = request({ text: 'Once only, please' });
    expect(await connector.findPublished(same)).toBeNull();

    const first = await connector.publishPost(same);
    // The answer got lost (a crash, a timeout): the outbox repeats the very same entry.
    const again = await connector.publishPost({ ...same, signal: AbortSignal.timeout(30_000) });
    expect(again.remoteId).toBe(first.remoteId);
    expect(await brandPostCount()).toBe(before + 1);

    const found = await connector.findPublished({ ...same, signal: AbortSignal.timeout(30_000) });
    expect(found?.remoteId).toBe(first.remoteId);
    expect(found?.item.text).toBe('Once only, please');
    // A reply's refs survive the round trip: a reply to the reconciled post threads under it.
    const replyToOwn = await connector.publishPost(request({ text: 'And a follow-up', replyTo: { remoteId: first.remoteId, raw: found!.item.raw } }));
    expect((await recordOf(replyToOwn.remoteId)).reply?.root.uri).toBe(first.remoteId);
    expect(replyUri).toMatch(/^at:\/\//);
  });

  it('reports a refused post as http with its status', async () => {
    const tooLong = 'x'.repeat(400);
    const error = await connector.publishPost(request({ text: tooLong })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'http', details: { status: 400 } });
  });
  it('reads back the engagement a published post earned (likes, reposts, replies) for the planner', async () => {
    const published = await connector.publishPost(request({ text: 'Our new opening hours' }));
    await dev.network.processAll();
    const { data } = await customer.agent.getPosts({ uris: [published.remoteId] });
    const cid = data.posts[0]!.cid;
    await customer.agent.like(published.remoteId, cid);
    await helper.agent.like(published.remoteId, cid);
    await helper.agent.repost(published.remoteId, cid);
    await customer.agent.post({ text: 'Finally!', reply: { root: { uri: published.remoteId, cid }, parent: { uri: published.remoteId, cid } }, createdAt: new Date().toISOString() });
    await dev.network.processAll();

    const counts = await connector.fetchCounts({ accountId: BRAND, remoteIds: [published.remoteId, root.uri], signal: AbortSignal.timeout(30_000) });
    expect(counts.get(published.remoteId)).toEqual({ likes: 2, reposts: 1, replies: 1 });
    expect(counts.get(root.uri)?.replies).toBeGreaterThanOrEqual(1);
  });
});
