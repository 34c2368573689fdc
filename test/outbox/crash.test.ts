import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import { call, nextEvent } from '../support/core';
import { MemoryVault } from '../support/memoryVault';
import { tempDir } from '../support/tempDir';
import { FakeNetworkServer, FakePublishingConnector, settle, startHarness, until } from './harness';

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/**
 * A crash in the middle of publishing: the first run is closed while the connector hangs (the
 * store says 'publishing'), then a new core opens the same data folder, as after a restart.
 * The new run must reconcile the entry, never post it a second time.
 */
async function crashMidPublish(options: { withFind: boolean; reachedNetwork: boolean }) {
  const dataDir = tempDir();
  const server = new FakeNetworkServer();
  const first = new FakePublishingConnector('bluesky', server, { withFind: options.withFind });
  if (options.reachedNetwork) first.behaviour.hangAfterPosting = true;
  else first.behaviour.hangBeforePosting = true;
  const h = startHarness({ dataDir, connectors: { bluesky: first } });
  const entry = h.send({ text: 'Wir sind für Sie da' });
  await until(h, entry.id, 'publishing');
  await settle(20);
  expect(first.calls.filter((c) => c.kind === 'publish')).toHaveLength(1);
  expect(server.created).toBe(options.reachedNetwork ? 1 : 0);
  await h.close();

  const second = new FakePublishingConnector('bluesky', server, { withFind: options.withFind });
  const published = new Promise<OutboxEntry>((resolve) => {
    // Subscribed before start so the first event is not missed: createCore starts the outbox itself.
    const core = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault: new MemoryVault(), connectors: { bluesky: second }, poll: false });
    cores.push(core);
    void nextEvent(core, 'outbox.changed', (p: { entry: OutboxEntry }) => p.entry.id === entry.id && p.entry.state === 'published').then((p) => resolve((p as { entry: OutboxEntry }).entry));
  });
  const done = await published;
  return { entry, done, server, second, core: cores.at(-1)!, workspaceId: h.workspaceId };
}

describe('the outbox after a crash', () => {
  it('finds a post that reached the network (Bluesky: our record key) and does not post again', async () => {
    const { done, server, second, core, workspaceId, entry } = await crashMidPublish({ withFind: true, reachedNetwork: true });
    expect(server.created).toBe(1);
    expect(second.calls.map((c) => c.kind)).toEqual(['find']);
    expect(done).toMatchObject({ state: 'published', attempts: 2, remoteId: [...server.posts.values()][0]!.remoteId });
    const { entries } = await call<{ entries: OutboxEntry[] }>(core, 'outbox.list', { workspaceId });
    expect(entries.map((e) => [e.id, e.state])).toEqual([[entry.id, 'published']]);
  });

  it('sends a post that never reached the network, once', async () => {
    const { done, server, second } = await crashMidPublish({ withFind: true, reachedNetwork: false });
    expect(server.created).toBe(1);
    expect(second.calls.map((c) => c.kind)).toEqual(['find', 'publish']);
    expect(done.state).toBe('published');
  });

  it('repeats with the same key where the network deduplicates by it (Mastodon: Idempotency-Key)', async () => {
    const { done, server, second } = await crashMidPublish({ withFind: false, reachedNetwork: true });
    expect(second.calls.map((c) => c.kind)).toEqual(['publish']);
    expect(server.created).toBe(1);
    expect(server.posts.size).toBe(1);
    expect(done.remoteId).toBe([...server.posts.values()][0]!.remoteId);
  });
});
