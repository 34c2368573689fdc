import type { IncomingItem } from '../../src/shared/contract/items';

/** A plausible item; override what a test is about. */
export function anItem(overrides: Partial<IncomingItem> & { remoteId: string }): IncomingItem {
  return {
    network: 'feed',
    url: `https://example.org/${encodeURIComponent(overrides.remoteId)}`,
    author: { remoteId: 'author-1', handle: 'anna', displayName: 'Anna Muster', avatarUrl: null, url: null, followers: 120 },
    title: null,
    text: `Post ${overrides.remoteId}`,
    html: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    language: 'de',
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: 0, reposts: 0, likes: 0 },
    ...overrides,
  };
}
