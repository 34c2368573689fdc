import { describe, expect, it } from 'vitest';
import { incomingItemSchema } from '../../../src/shared/contract/items';
import { statusSchema } from '../../../src/main/core/connectors/mastodon/schemas';
import { statusToItem } from '../../../src/main/core/connectors/mastodon/toItem';
import { useFakeMastodon } from '../../fakes/mastodon';
import { connectorFor, stream } from './helpers';

describe('Mastodon status -> item, from statuses the fake serves', () => {
  const fake = useFakeMastodon();

  async function homeItems() {
    const { poll } = connectorFor(fake());
    const result = await poll(stream('home'));
    for (const item of result.items) incomingItemSchema.parse(item);
    return new Map(result.items.map((i) => [i.remoteId, i]));
  }

  it('maps text, author, media with alt text, counts, language and time', async () => {
    const s = fake().state;
    const post = s.post(s.me, {
      content: '<p>Launch day &amp; <a href="https://x.example/" rel="nofollow"><span class="invisible">https://</span><span class="">x.example/</span></a></p><p>Line 2<br>Line 3</p>',
      language: 'de',
      media: [{ type: 'image', description: 'Our new logo on a blue background' }, { type: 'gifv', description: null }, { type: 'audio' }],
      counts: { replies: 3, reblogs: 5, favourites: 8 },
    });
    const origin = fake().url;
    const item = (await homeItems()).get(`${origin}/users/brand/statuses/${post.id}`)!;
    expect(item).toMatchObject({
      network: 'mastodon',
      url: `${origin}/@brand/${post.id}`,
      title: null,
      text: 'Launch day & https://x.example/\n\nLine 2\nLine 3',
      html: post.content,
      createdAt: post.createdAt,
      language: 'de',
      replyToRemoteId: null,
      quoteOfRemoteId: null,
      counts: { replies: 3, reposts: 5, likes: 8 },
      author: {
        remoteId: `${origin}/users/brand`,
        handle: `brand@${new URL(origin).host}`,
        displayName: 'Brand Team',
        avatarUrl: expect.stringContaining('/avatars/'),
        url: `${origin}/@brand`,
        followers: 1200,
      },
    });
    expect(item.media).toEqual([
      { kind: 'image', url: expect.stringMatching(/original\/file\.png$/), previewUrl: expect.stringMatching(/small/), alt: 'Our new logo on a blue background', mimeType: null },
      { kind: 'video', url: expect.stringMatching(/\.mp4$/), previewUrl: expect.any(String), alt: null, mimeType: null },
      { kind: 'audio', url: expect.stringMatching(/\.mp3$/), previewUrl: expect.any(String), alt: null, mimeType: null },
    ]);
  });

  it('a boost is the boosted post (same remoteId as the original), by its original author', async () => {
    const s = fake().state;
    const remote = s.addAccount({ username: 'writer', domain: 'news.example', displayName: 'Writer', followersCount: 50_000 });
    const booster = s.addAccount({ username: 'booster' });
    s.follow(booster);
    const original = s.post(remote, { content: '<p>Big news</p>', counts: { favourites: 40 } });
    s.reblog(booster, original);
    const items = await homeItems();
    expect(items.size).toBe(1);
    const item = items.get(`https://news.example/users/writer/statuses/${original.id}`)!;
    expect(item).toMatchObject({
      text: 'Big news',
      url: `https://news.example/@writer/${original.id}`,
      author: { handle: 'writer@news.example', remoteId: 'https://news.example/users/writer', followers: 50_000 },
      counts: { reposts: 1, likes: 40 },
    });
  });

  it("a reply points at its parent's URI when the parent came in the same poll, else at the parent's API URL", async () => {
    const s = fake().state;
    const parent = s.post(s.me, { content: '<p>Question?</p>' });
    const reply = s.post(s.me, { content: '<p>Answer.</p>', inReplyTo: parent });
    const stranger = s.addAccount({ username: 'stranger' });
    const unseen = s.post(stranger, { content: '<p>Not in home</p>' });
    const replyToUnseen = s.post(s.me, { content: '<p>Replying elsewhere</p>', inReplyTo: unseen });
    const origin = fake().url;
    const items = await homeItems();
    expect(items.get(`${origin}/users/brand/statuses/${reply.id}`)!.replyToRemoteId).toBe(`${origin}/users/brand/statuses/${parent.id}`);
    expect(items.get(`${origin}/users/brand/statuses/${replyToUnseen.id}`)!.replyToRemoteId).toBe(`${origin}/api/v1/statuses/${unseen.id}`);
  });

  it('a content warning becomes the title; the text stays complete', async () => {
    const s = fake().state;
    const post = s.post(s.me, { content: '<p>Plot details</p>', spoilerText: 'Spoilers: season finale' });
    const item = (await homeItems()).get(`${fake().url}/users/brand/statuses/${post.id}`)!;
    expect(item.title).toBe('Spoilers: season finale');
    expect(item.text).toBe('Plot details');
  });
});

describe('Mastodon status -> item, fields the fake does not serve', () => {
  const base = {
    id: '10',
    uri: 'https://a.example/users/x/statuses/10',
    url: null,
    created_at: '2026-11-01T10:00:00+02:00',
    account: { id: '1', username: 'x', acct: 'x@a.example', display_name: '', url: null, uri: null, avatar: null, followers_count: -1 },
    content: '',
    media_attachments: [{ id: 'm', type: 'unknown', url: null, remote_url: 'https://a.example/m.bin', preview_url: null, description: '' }],
  };

  it('quotes, link cards, remote-only media, missing and odd values', () => {
    const status = statusSchema.parse({
      ...base,
      card: { url: 'https://blog.example/post', image: 'https://blog.example/i.png', image_description: 'A chart' },
      quote: { state: 'accepted', quoted_status: { id: '9', uri: 'https://b.example/s/9' } },
    });
    const item = statusToItem(status, { instanceUrl: 'https://home.example' });
    expect(incomingItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      url: base.uri,
      html: null,
      text: '',
      createdAt: '2026-11-01T08:00:00.000Z',
      quoteOfRemoteId: 'https://b.example/s/9',
      author: { remoteId: 'x@a.example', handle: 'x@a.example', displayName: null, followers: 0 },
      counts: { replies: null, reposts: null, likes: null },
      media: [
        { kind: 'other', url: 'https://a.example/m.bin', previewUrl: null, alt: null, mimeType: null },
        { kind: 'link', url: 'https://blog.example/post', previewUrl: 'https://blog.example/i.png', alt: 'A chart', mimeType: null },
      ],
    });
    const shallow = statusSchema.parse({ ...base, quote: { state: 'accepted', quoted_status_id: '77' } });
    expect(statusToItem(shallow, { instanceUrl: 'https://home.example' }).quoteOfRemoteId).toBe('https://home.example/api/v1/statuses/77');
  });
});
