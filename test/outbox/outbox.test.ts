import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/core/connectors/connector';
import { ConnectivityMonitor } from '../../src/main/core/polling';
import { outboxEntrySchema } from '../../src/shared/contract/composer';
import { tempDir } from '../support/tempDir';
import { addInboxStream, FakeNetworkServer, FakePublishingConnector, insertDraftWithMedia, settle, startHarness, until, type Harness } from './harness';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

function harness(options: Partial<Parameters<typeof startHarness>[0]> & { withFind?: boolean } = {}) {
  const server = new FakeNetworkServer();
  const connector = new FakePublishingConnector(options.network ?? 'bluesky', server, { withFind: options.withFind ?? true });
  const h = startHarness({ dataDir: tempDir(), connectors: { [options.network ?? 'bluesky']: connector }, ...options });
  open.push(h);
  return { h, server, connector };
}

const states = (h: Harness, id: string) => h.events.filter((e) => e.entry.id === id).map((e) => e.entry.state);

describe('the outbox', () => {
  it('writes every transition before the network call: scheduled, then publishing, then published with the post stored', async () => {
    const { h, server, connector } = harness();
    const inboxStream = addInboxStream(h);
    const seen: Array<Record<string, unknown>> = [];
    connector.behaviour.before = (request) => {
      // Inside the network call: the store already says 'publishing', with this attempt counted.
      const row = h.store.db.prepare('SELECT state, attempts, idempotency_key FROM outbox').get() as Record<string, unknown>;
      seen.push(row);
      expect(request.idempotencyKey).toBe(row.idempotency_key);
    };

    const entry = h.send({ text: 'Danke für den Hinweis!', language: 'de' });
    outboxEntrySchema.parse(entry);
    expect(entry).toMatchObject({ state: 'scheduled', attempts: 0, network: 'bluesky', error: null, remoteId: null });
    // The key is chosen and stored at enqueue: a Bluesky TID (13 base32-sortable characters).
    expect(h.row(entry.id).idempotency_key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);

    const done = await until(h, entry.id, 'published');
    expect(seen).toEqual([{ state: 'publishing', attempts: 1, idempotency_key: h.row(entry.id).idempotency_key }]);
    expect(states(h, entry.id)).toEqual(['scheduled', 'publishing', 'published']);
    const post = server.posts.get(String(h.row(entry.id).idempotency_key))!;
    expect(done).toMatchObject({ state: 'published', attempts: 1, remoteId: post.remoteId, remoteUrl: post.url, error: null });
    expect(done.publishedAt).not.toBeNull();
    expect(connector.requests[0]).toMatchObject({ text: 'Danke für den Hinweis!', language: 'de', replyTo: null, media: [] });

    // Stored as an item of the account's hidden inbox stream, linked from the entry.
    const itemId = h.row(entry.id).item_id as number;
    expect(h.store.db.prepare('SELECT remote_id FROM items WHERE id = ?').get(itemId)).toEqual({ remote_id: post.remoteId });
    expect(h.store.db.prepare('SELECT stream_id FROM stream_items WHERE item_id = ?').all(itemId)).toEqual([{ stream_id: inboxStream }]);
    expect(h.items.collectOrphans()).toBe(0);
    expect(h.published.map((e) => e.id)).toEqual([entry.id]);
  });

  it('moves the draft media to the entry at enqueue, sends them with their alt text, and drops the bytes once published', async () => {
    const { h, connector } = harness();
    const draftId = insertDraftWithMedia(h, [
      { bytes: Buffer.from('first image'), mimeType: 'image/png', alt: 'Our shop window' },
      { bytes: Buffer.from('second image'), mimeType: 'image/jpeg', alt: '' },
    ]);
    const entry = h.store.db.transaction(() => {
      const e = h.outbox.enqueue({ workspaceId: h.workspaceId, accountId: h.accountId, inboxItemId: null, replyToItemId: null, text: 'Look', spoilerText: null, language: null, visibility: null, mediaFromDraftId: draftId });
      // composer.send deletes the draft in the same transaction; the media must survive it.
      h.store.db.prepare('DELETE FROM drafts WHERE id = ?').run(draftId);
      return e;
    })();
    expect(h.store.db.prepare('SELECT alt FROM media WHERE outbox_id = ? ORDER BY position').all(entry.id)).toEqual([{ alt: 'Our shop window' }, { alt: '' }]);
    h.outbox.kick();
    await until(h, entry.id, 'published');
    expect(connector.requests[0]!.media.map((m) => [Buffer.from(m.bytes).toString(), m.mimeType, m.alt])).toEqual([
      ['first image', 'image/png', 'Our shop window'],
      ['second image', 'image/jpeg', ''],
    ]);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
  });

  it('sends a reply with the stored post it answers, and refuses a reply across networks', async () => {
    const { h, connector } = harness();
    const [itemId] = h.items.upsertItems([
      {
        network: 'bluesky',
        remoteId: 'at://did:plc:alice/app.bsky.feed.post/3kabc',
        url: null,
        author: null,
        title: null,
        text: '@brand wann öffnet ihr?',
        html: null,
        createdAt: new Date().toISOString(),
        language: 'de',
        replyToRemoteId: null,
        quoteOfRemoteId: null,
        media: [],
        counts: { replies: 0, reposts: 0, likes: 0 },
        raw: { uri: 'at://did:plc:alice/app.bsky.feed.post/3kabc', cid: 'bafyparent' },
      },
    ]);
    const entry = h.send({ replyToItemId: itemId!, text: 'Ab 9 Uhr!' });
    await until(h, entry.id, 'published');
    expect(connector.requests[0]!.replyTo).toEqual({ remoteId: 'at://did:plc:alice/app.bsky.feed.post/3kabc', raw: { uri: 'at://did:plc:alice/app.bsky.feed.post/3kabc', cid: 'bafyparent' } });

    const mastodonAccount = h.accounts.create({ workspaceId: h.workspaceId, network: 'mastodon', handle: '@brand@social.example' });
    expect(() => h.send({ accountId: mastodonAccount.id, replyToItemId: itemId! })).toThrow(/bluesky account/);
    const feedAccount = h.accounts.create({ workspaceId: h.workspaceId, network: 'feed', handle: 'feed' });
    expect(() => h.send({ accountId: feedAccount.id })).toThrow(/cannot be published/);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('retries transient failures with backoff on its own, keeping the reason while it waits', async () => {
    const { h, server, connector } = harness();
    connector.behaviour.failures.push(new ConnectorError('network', 'connection reset'), new ConnectorError('http', 'Bluesky answered 502', { status: 502 }));
    const entry = h.send();
    const done = await until(h, entry.id, 'published');
    expect(done.attempts).toBe(3);
    const waits = h.events.filter((e) => e.entry.id === entry.id && e.entry.state === 'scheduled' && e.entry.error);
    expect(waits.map((e) => e.entry.error!.code)).toEqual(['unreachable', 'server_error']);
    expect(server.created).toBe(1);
    // The later attempts first asked whether the earlier ones had got through.
    expect(connector.calls.map((c) => c.kind)).toEqual(['publish', 'find', 'publish', 'find', 'publish']);
  });

  it('gives up after the automatic retries and fails with the reason', async () => {
    const { h, connector } = harness();
    for (let i = 0; i < 4; i++) connector.behaviour.failures.push(new ConnectorError('timeout', 'no answer within 20 s'));
    const entry = h.send();
    const failed = await until(h, entry.id, 'failed');
    expect(failed.attempts).toBe(4); // the first try and FAST_RETRIES.maxRetries = 3 more
    expect(failed.error).toEqual({ code: 'timeout', message: 'no answer within 20 s (gave up after 4 attempts)' });
  });

  it('fails a refused post at once with its reason; outbox.retry sends it again with the same key', async () => {
    const { h, server, connector } = harness();
    connector.behaviour.failures.push(new ConnectorError('http', 'Bluesky answered 400 InvalidRequest: Record/text must not be longer than 300 graphemes', { status: 400 }));
    const entry = h.send();
    const failed = await until(h, entry.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, error: { code: 'rejected', message: expect.stringContaining('300 graphemes') } });
    await settle(100);
    expect(connector.calls).toHaveLength(1); // nothing automatic after a refusal
    const key = h.row(entry.id).idempotency_key;

    const retried = await h.outbox.handlers['outbox.retry']({ workspaceId: h.workspaceId, id: entry.id });
    expect(retried).toMatchObject({ state: 'scheduled', error: null });
    const done = await until(h, entry.id, 'published');
    expect(done.attempts).toBe(2);
    expect(h.row(entry.id).idempotency_key).toBe(key);
    expect(server.created).toBe(1);
    expect(() => h.outbox.handlers['outbox.retry']({ workspaceId: h.workspaceId, id: entry.id })).toThrow(/Only a failed post/);
  });

  it('fails at once when the credentials are gone, and says the account needs reconnecting', async () => {
    const { h, connector } = harness();
    connector.behaviour.failures.push(new ConnectorError('auth', 'Bluesky refused the credentials (InvalidToken)'));
    const entry = h.send();
    expect(await until(h, entry.id, 'failed')).toMatchObject({ error: { code: 'reconnect_needed' } });
    expect(h.reconnects).toEqual([h.accountId]);
  });

  it('waits while offline and publishes when the network is back', async () => {
    const connectivity = new ConnectivityMonitor({ initiallyOnline: false });
    const { h, connector } = harness({ connectivity });
    const entry = h.send();
    await settle(100);
    expect(connector.calls).toEqual([]);
    expect(h.row(entry.id).state).toBe('scheduled');

    connectivity.set(true);
    await until(h, entry.id, 'published');

    // Going offline during a publish: back to scheduled without spending a retry.
    connector.behaviour.before = () => connectivity.set(false);
    connector.behaviour.failures.push(new ConnectorError('network', 'getaddrinfo ENOTFOUND'));
    const second = h.send();
    await until(h, second.id, 'scheduled');
    await settle(50);
    expect(h.row(second.id)).toMatchObject({ state: 'scheduled', attempts: 1 });
    expect(JSON.parse(String(h.row(second.id).error))).toMatchObject({ code: 'offline' });
    connector.behaviour.before = undefined;
    connectivity.set(true);
    expect(await until(h, second.id, 'published')).toMatchObject({ attempts: 2, error: null });
  });

  it('publishes a scheduled entry when it falls due, not before', async () => {
    const { h, connector } = harness();
    const entry = h.send({ dueAt: new Date(Date.now() + 300) });
    await settle(100);
    expect(connector.calls).toEqual([]);
    const done = await until(h, entry.id, 'published');
    expect(Date.parse(done.publishedAt!)).toBeGreaterThanOrEqual(Date.parse(entry.dueAt) - 5);
  });

  it('publishes one entry at a time per account, accounts in parallel', async () => {
    const server = new FakeNetworkServer();
    const connector = new FakePublishingConnector('bluesky', server, { withFind: true, delayMs: 30 });
    const h = startHarness({ dataDir: tempDir(), connectors: { bluesky: connector } });
    open.push(h);
    const other = h.accounts.create({ workspaceId: h.workspaceId, network: 'bluesky', handle: 'second.example' });
    const entries = [h.send({ text: 'a1' }), h.send({ text: 'a2' }), h.send({ accountId: other.id, text: 'b1' }), h.send({ text: 'a3' })];
    for (const e of entries) await until(h, e.id, 'published');
    expect(connector.maxRunningPerAccount).toBe(1);
    expect(connector.maxRunningOverall).toBe(2);
    expect(connector.requests.filter((r) => r.accountId === h.accountId).map((r) => r.text)).toEqual(['a1', 'a2', 'a3']);
  });

  it('outbox.edit turns a failed entry back into a draft with its media; outbox.list filters by state', async () => {
    const { h, connector } = harness();
    connector.behaviour.failures.push(new ConnectorError('http', 'refused', { status: 400 }));
    const draftId = insertDraftWithMedia(h, [{ bytes: Buffer.from('img'), mimeType: 'image/png', alt: 'Alt' }]);
    const failed = h.send({ text: 'Zu lang', spoilerText: null, language: 'de', mediaFromDraftId: draftId });
    h.store.db.prepare('DELETE FROM drafts WHERE id = ?').run(draftId);
    await until(h, failed.id, 'failed');
    const ok = h.send({ text: 'Fine' });
    await until(h, ok.id, 'published');

    const list = (states?: Array<'failed' | 'published'>) => h.outbox.handlers['outbox.list']({ workspaceId: h.workspaceId, ...(states ? { states } : {}) }) as { entries: Array<{ id: string }> };
    expect(list(['failed']).entries.map((e) => e.id)).toEqual([failed.id]);
    expect(list().entries.map((e) => e.id).sort()).toEqual([failed.id, ok.id].sort());

    const draft = await h.outbox.handlers['outbox.edit']({ workspaceId: h.workspaceId, id: failed.id });
    expect(draft).toMatchObject({ workspaceId: h.workspaceId, accountId: h.accountId, inboxItemId: null, content: { text: 'Zu lang', language: 'de', spoilerText: null, visibility: null, appendSignature: false } });
    expect(draft.key).toMatch(/^post:[0-9a-f-]{36}$/);
    expect(draft.media.map((m) => [m.alt, m.mimeType, m.size])).toEqual([['Alt', 'image/png', 3]]);
    expect(h.store.db.prepare('SELECT draft_id, outbox_id FROM media').all()).toEqual([{ draft_id: draft.id, outbox_id: null }]);
    expect(list().entries.map((e) => e.id)).toEqual([ok.id]);
    expect(h.events.at(-1)).toMatchObject({ removed: true, entry: { id: failed.id } });
    expect(() => h.outbox.handlers['outbox.edit']({ workspaceId: h.workspaceId, id: ok.id })).toThrow(/cannot be edited/);
    expect(() => h.outbox.handlers['outbox.list']({ workspaceId: '00000000-0000-4000-8000-000000000000' })).toThrow(/no workspace/);
  });
});
