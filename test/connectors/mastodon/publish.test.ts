import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PublishRequest } from '../../../src/main/core/connectors/connector';
import { incomingItemSchema } from '../../../src/shared/contract/items';
import { useFakeMastodon } from '../../fakes/mastodon';
import type { FakeStatus } from '../../fakes/mastodon/entities';
import { connectorFor, rejection } from './helpers';

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

describe('publishing on Mastodon (against the schema-checked fake)', () => {
  const fake = useFakeMastodon();
  const uri = (s: FakeStatus) => {
    const a = fake().state.accounts.get(s.accountId)!;
    return a.domain ? `https://${a.domain}/users/${a.username}/statuses/${s.id}` : `${fake().url}/users/${a.username}/statuses/${s.id}`;
  };
  const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
    accountId: 'acc-1',
    idempotencyKey: randomUUID(),
    text: 'Hello',
    spoilerText: null,
    language: null,
    visibility: null,
    replyTo: null,
    media: [],
    signal: AbortSignal.timeout(10_000),
    ...overrides,
  });
  const myStatuses = () => [...fake().state.statuses.values()].filter((s) => s.accountId === fake().state.me.id);

  it('sends a reply with in_reply_to_id, visibility, spoiler text, language and an Idempotency-Key header', async () => {
    const s = fake().state;
    const carol = s.addAccount({ username: 'carol', domain: 'press.example' });
    const question = s.post(carol, { content: '<p>@brand when is the release?</p>' });
    const { connector } = connectorFor(fake());
    const key = randomUUID();

    // No stored payload: the URI is resolved on the account's own instance.
    const result = await connector.publishPost!(
      request({ idempotencyKey: key, text: 'Next Tuesday! #launch', spoilerText: 'Release date', language: 'de', visibility: 'unlisted', replyTo: { remoteId: uri(question), raw: null } }),
    );

    expect(fake().statusRequests).toHaveLength(1);
    const sent = fake().statusRequests[0]!;
    expect(sent.idempotencyKey).toBe(key);
    expect(sent.body).toEqual({
      status: 'Next Tuesday! #launch',
      in_reply_to_id: question.id,
      visibility: 'unlisted',
      spoiler_text: 'Release date',
      sensitive: true,
      language: 'de',
    });
    const [created] = myStatuses();
    expect(created).toMatchObject({ inReplyToId: question.id, visibility: 'unlisted', spoilerText: 'Release date', language: 'de', tags: ['launch'] });
    incomingItemSchema.parse(result.item);
    expect(result.remoteId).toBe(uri(created!));
    expect(result.url).toBe(`${fake().url}/@brand/${created!.id}`);
    expect(result.item).toMatchObject({ network: 'mastodon', remoteId: uri(created!), text: 'Next Tuesday! #launch', replyToRemoteId: uri(question), language: 'de' });
    expect((result.item.raw as { id: string }).id).toBe(created!.id);
    expect(fake().log.map((e) => `${e.method} ${e.url.split('?')[0]}`)).toEqual(['GET /api/v2/search', 'POST /api/v1/statuses']);
  });

  it('uses the stored status id when it still names the post, and the new status is in the thread', async () => {
    const s = fake().state;
    const alice = s.addAccount({ username: 'alice' });
    const question = s.post(alice, { content: '<p>Open on Sunday?</p>' });
    const { connector, token } = connectorFor(fake());
    const raw = await (await fetch(`${fake().url}/api/v1/statuses/${question.id}`, { headers: { authorization: `Bearer ${token}` } })).json();

    const result = await connector.publishPost!(request({ text: 'No, Monday to Saturday.', replyTo: { remoteId: uri(question), raw } }));

    expect(fake().statusRequests[0]!.body.in_reply_to_id).toBe(question.id);
    expect(fake().statusRequests[0]!.body).not.toHaveProperty('visibility');
    const thread = await connector.fetchThread!({ accountId: 'acc-1', remoteId: uri(question), raw, signal: AbortSignal.timeout(10_000) });
    expect(thread.replies.map((r) => r.remoteId)).toEqual([result.remoteId]);
  });

  it('a retry with the same Idempotency-Key makes no second status', async () => {
    const { connector } = connectorFor(fake());
    const key = randomUUID();
    const first = await connector.publishPost!(request({ idempotencyKey: key, text: 'Only once' }));
    // The answer got lost on the way, say: the outbox repeats the same request.
    const second = await connector.publishPost!(request({ idempotencyKey: key, text: 'Only once' }));
    expect(second.remoteId).toBe(first.remoteId);
    expect(myStatuses()).toHaveLength(1);
    expect(fake().statusRequests.map((r) => r.idempotencyKey)).toEqual([key, key]);

    // Another key is another post.
    await connector.publishPost!(request({ text: 'Only once' }));
    expect(myStatuses()).toHaveLength(2);
  });

  it('uploads media with its description and attaches it, waiting while the instance processes it', async () => {
    fake().mediaProcessingPolls = 1;
    const { connector } = connectorFor(fake());
    const result = await connector.publishPost!(
      request({
        text: 'Our new shop window',
        media: [
          { bytes: new Uint8Array(PNG), mimeType: 'image/png', alt: 'A shop window with red bicycles' },
          { bytes: new Uint8Array(PNG), mimeType: 'image/png', alt: '' },
        ],
      }),
    );
    const uploads = [...fake().state.uploads.values()];
    expect(uploads.map((u) => [u.media.description, u.mimeType, u.size])).toEqual([
      ['A shop window with red bicycles', 'image/png', PNG.length],
      [null, 'image/png', PNG.length],
    ]);
    expect(fake().statusRequests[0]!.body.media_ids).toEqual(uploads.map((u) => u.media.id));
    expect(myStatuses()[0]!.media.map((m) => m.id)).toEqual(uploads.map((u) => u.media.id));
    expect(result.item.media.map((m) => [m.kind, m.alt])).toEqual([
      ['image', 'A shop window with red bicycles'],
      ['image', null],
    ]);
    const calls = fake().log.map((e) => `${e.method} ${e.url.split('?')[0]} ${e.status}`);
    expect(calls.filter((c) => c.startsWith('POST /api/v2/media'))).toEqual(['POST /api/v2/media 202', 'POST /api/v2/media 202']);
    expect(calls.filter((c) => c.startsWith('GET /api/v1/media'))).toHaveLength(4);
  }, 20_000);

  it('reports a refused post as an http error with its status, and a revoked token as auth', async () => {
    const { connector } = connectorFor(fake());
    const refused = await rejection(connector.publishPost!(request({ text: '   ' })));
    expect(refused).toMatchObject({ kind: 'http', details: { status: 422 } });
    expect(myStatuses()).toHaveLength(0);

    const gone = await rejection(connector.publishPost!(request({ replyTo: { remoteId: `${fake().url}/users/nobody/statuses/1`, raw: null } })));
    expect(gone.kind).toBe('not_found');

    fake().revokeAllTokens();
    expect((await rejection(connector.publishPost!(request()))).kind).toBe('auth');
  });
});
