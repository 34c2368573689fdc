// Bluesky views -> IncomingItem, on views shaped like the AppView's (the dev-network tests
// cover real ones; these cover the embeds and odd cases a small dev network never produces).
import type { AppBskyFeedDefs, AppBskyNotificationListNotifications } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { isoTime, notificationToItem, postToItem, postUrl, sortAt } from '../../src/main/core/connectors/bluesky/toItem';
import { incomingItemSchema } from '../../src/shared/contract/items';

const DID = 'did:plc:alice';
const author = { did: DID, handle: 'alice.example', displayName: 'Alice', avatar: 'https://cdn.example/avatar.jpg' };
const uri = (rkey: string, did = DID) => `at://${did}/app.bsky.feed.post/${rkey}`;

function post(overrides: Partial<AppBskyFeedDefs.PostView> & { record?: Record<string, unknown> } = {}): AppBskyFeedDefs.PostView {
  return {
    uri: uri('3kpost'),
    cid: 'bafy-post',
    author,
    record: { $type: 'app.bsky.feed.post', text: 'Hello', createdAt: '2026-03-01T10:00:00.000+01:00' },
    indexedAt: '2026-03-01T09:00:01.000Z',
    replyCount: 2,
    repostCount: 3,
    likeCount: 4,
    ...overrides,
  } as AppBskyFeedDefs.PostView;
}

describe('postToItem', () => {
  it('maps a plain post', () => {
    const item = incomingItemSchema.parse(postToItem(post({ record: { text: 'Hello', createdAt: '2026-03-01T10:00:00.000+01:00', langs: ['de', 'en'] } })));
    expect(item).toEqual({
      network: 'bluesky',
      remoteId: uri('3kpost'),
      url: 'https://bsky.app/profile/alice.example/post/3kpost',
      author: { remoteId: DID, handle: 'alice.example', displayName: 'Alice', avatarUrl: 'https://cdn.example/avatar.jpg', url: 'https://bsky.app/profile/alice.example', followers: null },
      title: null,
      text: 'Hello',
      html: null,
      createdAt: '2026-03-01T09:00:00.000Z',
      language: 'de',
      replyToRemoteId: null,
      quoteOfRemoteId: null,
      media: [],
      counts: { replies: 2, reposts: 3, likes: 4 },
    });
  });

  it('takes images with alt text, the reply parent and the followers count when present', () => {
    const item = postToItem(
      post({
        author: { ...author, followersCount: 120 } as AppBskyFeedDefs.PostView['author'],
        record: { text: 'Look', createdAt: '2026-03-01T10:00:00Z', reply: { root: { uri: uri('root') }, parent: { uri: uri('parent') } } },
        embed: {
          $type: 'app.bsky.embed.images#view',
          images: [
            { thumb: 'https://cdn.example/t1.jpg', fullsize: 'https://cdn.example/f1.jpg', alt: 'A red bicycle' },
            { thumb: 'https://cdn.example/t2.jpg', fullsize: 'https://cdn.example/f2.jpg', alt: '' },
          ],
        },
      }),
    );
    expect(item.replyToRemoteId).toBe(uri('parent'));
    expect(item.author?.followers).toBe(120);
    expect(item.media).toEqual([
      { kind: 'image', url: 'https://cdn.example/f1.jpg', previewUrl: 'https://cdn.example/t1.jpg', alt: 'A red bicycle', mimeType: null },
      { kind: 'image', url: 'https://cdn.example/f2.jpg', previewUrl: 'https://cdn.example/t2.jpg', alt: null, mimeType: null },
    ]);
  });

  it('finds the quoted post, with or without media, and ignores embedded feeds and lists', () => {
    const quoted = uri('quoted', 'did:plc:bob');
    const plainQuote = postToItem(post({ embed: { $type: 'app.bsky.embed.record#view', record: { $type: 'app.bsky.embed.record#viewRecord', uri: quoted } } }));
    expect(plainQuote.quoteOfRemoteId).toBe(quoted);

    const withVideo = postToItem(
      post({
        embed: {
          $type: 'app.bsky.embed.recordWithMedia#view',
          record: { record: { $type: 'app.bsky.embed.record#viewNotFound', uri: quoted, notFound: true } },
          media: { $type: 'app.bsky.embed.video#view', cid: 'v', playlist: 'https://video.example/p.m3u8', thumbnail: 'https://video.example/t.jpg', alt: 'Clip' },
        },
      }),
    );
    expect(withVideo.quoteOfRemoteId).toBe(quoted);
    expect(withVideo.media).toEqual([{ kind: 'video', url: 'https://video.example/p.m3u8', previewUrl: 'https://video.example/t.jpg', alt: 'Clip', mimeType: 'application/x-mpegURL' }]);

    const feedEmbed = { $type: 'app.bsky.embed.record#view', record: { $type: 'app.bsky.feed.defs#generatorView', uri: 'at://did:plc:bob/app.bsky.feed.generator/cats' } };
    const feed = postToItem(post({ embed: feedEmbed as AppBskyFeedDefs.PostView['embed'] }));
    expect(feed.quoteOfRemoteId).toBeNull();

    // No view (e.g. a notification's record): the record's own embed still names the quote.
    const fromRecord = postToItem(post({ record: { text: 'q', createdAt: '2026-03-01T10:00:00Z', embed: { $type: 'app.bsky.embed.record', record: { uri: quoted, cid: 'c' } } } }));
    expect(fromRecord.quoteOfRemoteId).toBe(quoted);
  });

  it('turns a link card into link media', () => {
    const item = postToItem(
      post({ embed: { $type: 'app.bsky.embed.external#view', external: { uri: 'https://blog.example/post', title: 'A post', description: 'd', thumb: 'https://cdn.example/card.jpg' } } }),
    );
    expect(item.media).toEqual([{ kind: 'link', url: 'https://blog.example/post', previewUrl: 'https://cdn.example/card.jpg', alt: 'A post', mimeType: null }]);
  });

  it('survives a malformed record and an invalid handle', () => {
    const item = incomingItemSchema.parse(
      postToItem(
        post({
          author: { did: DID, handle: 'handle.invalid' },
          record: { text: 42, createdAt: 'yesterday', langs: 'en' },
          replyCount: -1,
          likeCount: undefined,
        }),
      ),
    );
    expect(item.text).toBe('');
    expect(item.createdAt).toBe('2026-03-01T09:00:01.000Z'); // indexedAt, as the record's time is unreadable
    expect(item.language).toBeNull();
    expect(item.url).toBe(`https://bsky.app/profile/${encodeURIComponent(DID)}/post/3kpost`);
    expect(item.author?.handle).toBe('handle.invalid');
    expect(item.counts).toEqual({ replies: null, reposts: 3, likes: null });
  });
});

type Notification = AppBskyNotificationListNotifications.Notification;

function notification(reason: string, overrides: Partial<Notification> = {}): Notification {
  return {
    uri: uri('3kreply', 'did:plc:bob'),
    cid: 'bafy-n',
    author: { did: 'did:plc:bob', handle: 'bob.example' },
    reason,
    record: { $type: 'app.bsky.feed.post', text: 'Hi @alice', createdAt: '2026-03-02T08:00:00Z', reply: { root: { uri: uri('r') }, parent: { uri: uri('p') } } },
    isRead: false,
    indexedAt: '2026-03-02T08:00:01Z',
    ...overrides,
  } as Notification;
}

describe('notificationToItem', () => {
  it('uses the full post view when there is one', () => {
    const view = post({ uri: uri('3kreply', 'did:plc:bob'), author: { did: 'did:plc:bob', handle: 'bob.example' } });
    expect(notificationToItem(notification('reply'), view)).toEqual(postToItem(view));
  });

  it('falls back to the notification record for a post the AppView did not return', () => {
    const item = incomingItemSchema.parse(notificationToItem(notification('mention')));
    expect(item).toMatchObject({ remoteId: uri('3kreply', 'did:plc:bob'), text: 'Hi @alice', replyToRemoteId: uri('p'), counts: { replies: null, reposts: null, likes: null } });
  });

  it('makes a like an item of its own that points at the liked post', () => {
    const like = notificationToItem(
      notification('like', {
        uri: 'at://did:plc:bob/app.bsky.feed.like/3klike',
        reasonSubject: uri('3kmine'),
        record: { $type: 'app.bsky.feed.like', subject: { uri: uri('3kmine') }, createdAt: '2026-03-02T09:00:00Z' },
      }),
    );
    expect(incomingItemSchema.parse(like)).toMatchObject({
      remoteId: 'at://did:plc:bob/app.bsky.feed.like/3klike',
      title: 'like',
      text: '',
      quoteOfRemoteId: uri('3kmine'),
      url: `https://bsky.app/profile/${encodeURIComponent(DID)}/post/3kmine`,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('makes a follow an item that opens the follower', () => {
    const follow = notificationToItem(notification('follow', { uri: 'at://did:plc:bob/app.bsky.graph.follow/3kf', record: { createdAt: '2026-03-02T09:00:00Z' } }));
    expect(follow).toMatchObject({ title: 'follow', quoteOfRemoteId: null, url: 'https://bsky.app/profile/bob.example' });
  });
});

describe('time helpers', () => {
  it('normalizes to UTC and sorts by the earlier of createdAt and indexedAt', () => {
    expect(isoTime('2026-03-01T10:00:00+02:00', '2026-01-01T00:00:00Z')).toBe('2026-03-01T08:00:00.000Z');
    expect(isoTime(undefined, '2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(sortAt('2030-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(Date.parse('2026-01-01T00:00:00Z')); // future-dated
    expect(sortAt('2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(Date.parse('2020-01-01T00:00:00Z')); // backdated
    expect(postUrl('at://did:plc:x/app.bsky.feed.like/1')).toBeNull();
  });
});
