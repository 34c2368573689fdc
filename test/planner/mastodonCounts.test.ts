import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useFakeMastodon } from '../fakes/mastodon';
import { connectorFor } from '../connectors/mastodon/helpers';

describe('engagement counts from Mastodon (against the schema-checked fake)', () => {
  const fake = useFakeMastodon();

  it('reads likes, reposts and replies of the account’s posts with GET /api/v1/statuses/:id, leaving out posts that are gone', async () => {
    const { connector } = connectorFor(fake());
    const published = await connector.publishPost!({
      accountId: 'acc-1',
      idempotencyKey: randomUUID(),
      text: 'Neu im Laden',
      spoilerText: null,
      language: 'de',
      visibility: null,
      replyTo: null,
      media: [],
      signal: AbortSignal.timeout(10_000),
    });
    // People react on the network.
    const status = [...fake().state.statuses.values()].find((s) => s.accountId === fake().state.me.id)!;
    Object.assign(status, { favouritesCount: 12, reblogsCount: 3, repliesCount: 2 });

    const gone = `${fake().url}/users/brand/statuses/999999999`;
    const counts = await connector.fetchCounts!({
      accountId: 'acc-1',
      remoteIds: [published.remoteId, gone],
      raw: new Map([[published.remoteId, published.item.raw]]),
      signal: AbortSignal.timeout(10_000),
    });
    expect([...counts.entries()]).toEqual([[published.remoteId, { likes: 12, reposts: 3, replies: 2 }]]);

    // Without the stored payload the URI is resolved on the instance.
    const resolved = await connector.fetchCounts!({ accountId: 'acc-1', remoteIds: [published.remoteId], signal: AbortSignal.timeout(10_000) });
    expect(resolved.get(published.remoteId)).toEqual({ likes: 12, reposts: 3, replies: 2 });
  });
});
