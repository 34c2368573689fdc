import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { Connector, PollRequest, PollResult } from '../../src/main/core/connectors/connector';
import { anItem } from '../support/items';
import { call, nextEvent } from '../support/core';
import { tempDir } from '../support/tempDir';

/** A connector whose answers the test writes; it records every request it gets. */
function scriptedConnector() {
  const requests: PollRequest[] = [];
  let next: (request: PollRequest) => Promise<PollResult> = async () => ({ items: [], cursor: null, more: false });
  const connector: Connector = {
    network: 'feed',
    poll: (request) => {
      requests.push(request);
      return next(request);
    },
  };
  return { connector, requests, answer: (fn: typeof next) => (next = fn) };
}

let core: Core | undefined;
afterEach(() => core?.close());

function start(connector: Connector): Core {
  core = createCore({
    dataDir: tempDir(),
    appVersion: 'test',
    shell: 'headless',
    log: () => {},
    connectors: { feed: connector },
    discoverFeeds: async (url) => [{ url, title: null, type: null }],
  });
  return core;
}



describe('streams polled into the store', () => {
  it('polls a new stream at once, stores its items with the cursor, and tells the column', async () => {
    const script = scriptedConnector();
    script.answer(async () => ({ items: [anItem({ remoteId: 'a' }), anItem({ remoteId: 'b' })], cursor: { seen: ['a', 'b'] }, more: false }));
    const c = start(script.connector);
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const arrived = nextEvent(c, 'items.added');
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'feed', kind: 'feed', query: 'https://example.org/feed' });
    expect(await arrived).toEqual({ workspaceId, streamId: stream.id, added: 2, unread: 2 });
    const page = await call<{ items: Array<{ remoteId: string }> }>(c, 'items.page', { streamId: stream.id });
    expect(page.items.map((item) => item.remoteId).sort()).toEqual(['a', 'b']);
    expect(c.store.db.prepare('SELECT cursor FROM streams WHERE id = ?').get(stream.id)).toEqual({ cursor: '{"seen":["a","b"]}' });
    expect(script.requests[0]).toMatchObject({ stream: { id: stream.id, kind: 'feed', query: 'https://example.org/feed' }, cursor: null });

    // A refresh polls again from the stored cursor.
    script.answer(async () => ({ items: [anItem({ remoteId: 'c' })], cursor: { seen: ['a', 'b', 'c'] }, more: false }));
    const again = nextEvent(c, 'items.added');
    await call(c, 'streams.refresh', { id: stream.id });
    expect(await again).toMatchObject({ added: 1, unread: 3 });
    expect(script.requests.at(-1)?.cursor).toEqual({ seen: ['a', 'b'] });
  });

  it('stores nothing from a poll whose stream was removed meanwhile', async () => {
    const script = scriptedConnector();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    script.answer(async (request) => {
      await gate;
      request.signal.throwIfAborted();
      return { items: [anItem({ remoteId: 'late' })], cursor: null, more: false };
    });
    const c = start(script.connector);
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'feed', kind: 'feed', query: 'https://example.org/feed' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(script.requests).toHaveLength(1);
    await call(c, 'streams.remove', { id: stream.id });
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(c.store.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 0 });
    expect(script.requests[0]!.signal.aborted).toBe(true);
  });

  it('reports a failing source in the column status without losing the stream', async () => {
    const script = scriptedConnector();
    script.answer(async () => {
      throw new Error('the feed server melted');
    });
    const c = start(script.connector);
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const failed = nextEvent(c, 'poll.status', (p) => (p as { status: { lastError: unknown } }).status.lastError !== null);
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'feed', kind: 'feed', query: 'https://example.org/feed' });
    const status = (await failed) as { streamId: string; status: { state: string; lastError: { message: string }; nextPollAt: string } };
    expect(status.streamId).toBe(stream.id);
    expect(status.status.state).toBe('backoff');
    expect(status.status.lastError.message).toContain('melted');
    const list = await call<{ streams: Array<{ id: string; status: { state: string } }> }>(c, 'streams.list', { workspaceId });
    expect(list.streams.map((s) => [s.id, s.status.state])).toEqual([[stream.id, 'backoff']]);
  });
});
