import { describe, expect, it } from 'vitest';
import type { FakeStatus } from '../../fakes/mastodon/entities';
import { useFakeMastodon } from '../../fakes/mastodon';
import { connectorFor, rejection, stream } from './helpers';
import { seedWorld } from './seed';

describe('Mastodon streams polled from the fake instance', () => {
  const fake = useFakeMastodon();
  const uri = (s: FakeStatus) => `${fake().url}/users/${fake().state.accounts.get(s.accountId)!.username}/statuses/${s.id}`;
  const remoteUri = (s: FakeStatus) => {
    const a = fake().state.accounts.get(s.accountId)!;
    return a.domain ? `https://${a.domain}/users/${a.username}/statuses/${s.id}` : uri(s);
  };

  it('home: own and followed posts, a boost as the boosted post, rate-limit state and a cursor', async () => {
    const w = seedWorld(fake());
    const { poll } = connectorFor(fake());
    const result = await poll(stream('home'));
    expect(result.items.map((i) => i.remoteId).sort()).toEqual(
      [w.own, w.aliceTagged, w.bobPost, w.carolTagged /* boosted by bob */].map(remoteUri).sort(),
    );
    expect(result.more).toBe(false);
    // The newest home entry is Bob's boost (its own id, not the boosted post's).
    expect(result.cursor).toEqual({ minId: w.bobBoost.id });
    expect(result.rateLimit).toEqual({ limit: 300, remaining: 299, resetAt: expect.stringMatching(/^\d{4}-.*Z$/) });
    expect(fake().log[0]!.url).toBe('/api/v1/timelines/home?limit=40');
  });

  it('notifications: mentions and followed posts become items; the cursor is the notification id', async () => {
    const w = seedWorld(fake());
    const { poll } = connectorFor(fake());
    const result = await poll(stream('notifications'));
    expect(result.items.map((i) => i.remoteId).sort()).toEqual([w.mention, w.aliceTagged].map(remoteUri).sort());
    const notifications = fake().state.notifications;
    expect(result.cursor).toEqual({ minId: notifications.find((n) => n.type === 'status')!.id });
    expect(fake().log[0]!.url).toBe('/api/v1/notifications?types%5B%5D=mention&types%5B%5D=status&types%5B%5D=quote&limit=80');

    // A new mention after the cursor arrives on the next poll; the favourite next to it does not.
    const reply = fake().state.post(w.dave, { content: '<p>@brand thanks!</p>', inReplyTo: w.own });
    fake().state.notify('favourite', w.dave, w.own);
    fake().state.notify('mention', w.dave, reply);
    const next = await poll(stream('notifications'), result.cursor);
    expect(next.items.map((i) => i.remoteId)).toEqual([uri(reply)]);
    expect(next.items[0]!.replyToRemoteId).toBe(`${fake().url}/api/v1/statuses/${w.own.id}`);
  });

  it('hashtag: with or without "#", any case', async () => {
    const w = seedWorld(fake());
    const { poll } = connectorFor(fake());
    const result = await poll(stream('hashtag', '#Leitstand'));
    expect(result.items.map((i) => i.remoteId).sort()).toEqual([w.aliceTagged, w.carolTagged].map(remoteUri).sort());
    expect(fake().log[0]!.url).toBe('/api/v1/timelines/tag/Leitstand?limit=40');
    expect(await rejection(poll(stream('hashtag', ' # ')))).toMatchObject({ kind: 'not_found' });
  });

  it('local and federated timelines (federated "remote" narrows to other instances)', async () => {
    const w = seedWorld(fake());
    const { poll } = connectorFor(fake());
    const ids = async (kind: string, query: string | null = null) => (await poll(stream(kind, query))).items.map((i) => i.remoteId).sort();
    expect(await ids('local')).toEqual([w.own, w.aliceTagged, w.davePost].map(remoteUri).sort());
    expect(await ids('federated')).toEqual([w.own, w.aliceTagged, w.bobPost, w.carolTagged, w.davePost, w.mention].map(remoteUri).sort());
    expect(await ids('federated', 'remote')).toEqual([w.bobPost, w.carolTagged, w.mention].map(remoteUri).sort());
    expect(fake().log.map((e) => e.url)).toEqual([
      '/api/v1/timelines/public?local=true&limit=40',
      '/api/v1/timelines/public?limit=40',
      '/api/v1/timelines/public?remote=true&limit=40',
    ]);
  });

  it('list: the members\' posts; a list that is gone is not_found', async () => {
    const w = seedWorld(fake());
    const { poll } = connectorFor(fake());
    const result = await poll(stream('list', w.pressList));
    expect(result.items.map((i) => i.remoteId).sort()).toEqual([w.carolTagged, w.mention].map(remoteUri).sort());
    expect(await rejection(poll(stream('list', '999')))).toMatchObject({ kind: 'not_found', details: { status: 404 } });
    expect(await rejection(poll(stream('trending')))).toMatchObject({ kind: 'not_found' });
  });
});

describe('Mastodon poll failures', () => {
  const fake = useFakeMastodon();

  it('429 with Retry-After is rate_limited with the wait', async () => {
    seedWorld(fake());
    const { poll } = connectorFor(fake());
    fake().throttle(1, 30);
    expect(await rejection(poll(stream('home')))).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterMs: 30_000 } });
    expect((await poll(stream('home'))).items.length).toBeGreaterThan(0);
  });

  it('429 without Retry-After waits until X-RateLimit-Reset', async () => {
    const { poll } = connectorFor(fake());
    fake().throttle(1, null);
    const error = await rejection(poll(stream('home')));
    expect(error.kind).toBe('rate_limited');
    expect(error.details?.retryAfterMs).toBeGreaterThan(4 * 60_000);
    expect(error.details?.retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('a revoked token is auth (the account needs reconnecting), as is an account without a token', async () => {
    const { poll, connector } = connectorFor(fake());
    expect((await poll(stream('home'))).items).toEqual([]);
    fake().revokeAllTokens();
    expect(await rejection(poll(stream('home')))).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(await rejection(poll(stream('hashtag', 'x')))).toMatchObject({ kind: 'auth' });
    const signal = new AbortController().signal;
    expect(await rejection(connector.poll({ stream: { ...stream('home'), accountId: 'nobody' }, cursor: null, maxItems: 10, signal }))).toMatchObject({ kind: 'auth' });
  });

  it('a slow answer times out per request; an aborted poll stops at once', async () => {
    const { poll } = connectorFor(fake(), { requestTimeoutMs: 100 });
    fake().delay(1, 400);
    expect(await rejection(poll(stream('home')))).toMatchObject({ kind: 'timeout' });

    fake().delay(1, 400);
    const controller = new AbortController();
    const pending = poll(stream('home'), null, 40, controller.signal);
    setTimeout(() => controller.abort(), 20);
    expect(await rejection(pending)).toMatchObject({ kind: 'network', message: expect.stringContaining('aborted') });

    expect(await rejection(poll(stream('home'), null, 40, AbortSignal.timeout(1)))).toMatchObject({ kind: 'timeout' });
  });

  it('an unreachable instance is a network error', async () => {
    const { poll } = connectorFor(fake());
    await fake().close();
    expect(await rejection(poll(stream('home')))).toMatchObject({ kind: 'network' });
  });
});
