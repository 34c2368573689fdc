import { afterEach } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import type { Connector, PollRequest, PollResult, PolledItem } from '../../src/main/core/connectors/connector';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { InboxItemView } from '../../src/shared/contract/inbox';
import type { Network } from '../../src/shared/contract/items';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { MemoryVault } from '../support/memoryVault';
import { tempDir } from '../support/tempDir';

/** One scripted connector per network; the test says what each stream gets on its next poll. */
export class Script {
  readonly requests: PollRequest[] = [];
  private readonly queued = new Map<string, PolledItem[]>();
  private readonly byKind = new Map<string, PolledItem[]>();

  /** The next poll of this stream (by id) answers these items. */
  forStream(streamId: string, items: PolledItem[]): void {
    this.queued.set(streamId, items);
  }

  /** Every poll of a stream of this network and kind (e.g. bluesky/mentions) answers these, unless forStream says otherwise. */
  forKind(network: Network, kind: string, items: PolledItem[]): void {
    this.byKind.set(`${network}/${kind}`, items);
  }

  connector(network: Network): Connector {
    return {
      network,
      poll: async (request): Promise<PollResult> => {
        this.requests.push(request);
        const key = `${network}/${request.stream.kind}`;
        const items = this.queued.get(request.stream.id) ?? this.byKind.get(key) ?? [];
        this.queued.delete(request.stream.id);
        return { items, cursor: { n: this.requests.length }, more: false };
      },
    };
  }
}

/** A clock the test moves by hand. */
export class Clock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

const open: Core[] = [];
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});

export interface Started {
  core: Core;
  script: Script;
  clock: Clock;
  dataDir: string;
}

/** A real core on a real SQLite file, with scripted connectors and a hand-moved clock. */
export function startCore(options: { clock?: Clock; script?: Script; dataDir?: string; poll?: boolean } = {}): Started {
  const clock = options.clock ?? new Clock(Date.parse('2026-11-02T09:00:00Z')); // a Monday, 10:00 in Zurich
  const script = options.script ?? new Script();
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({
    dataDir,
    appVersion: 'test',
    shell: 'headless',
    log: () => {},
    now: clock.now,
    vault: new MemoryVault(),
    poll: options.poll,
    connectors: { feed: script.connector('feed'), bluesky: script.connector('bluesky'), mastodon: script.connector('mastodon') },
    discoverFeeds: async (url) => [{ url, title: null, type: null }],
  });
  open.push(core);
  return { core, script, clock, dataDir };
}

export function restart(started: Started): Started {
  started.core.close();
  open.splice(open.indexOf(started.core), 1);
  return startCore({ clock: started.clock, script: started.script, dataDir: started.dataDir });
}

/** Zurich office hours: the response goal in tests is deterministic, whatever the machine's zone. */
export async function workspace(core: Core, name = 'Migros'): Promise<string> {
  const { id } = await call<{ id: string }>(core, 'workspaces.create', { name });
  await call(core, 'inbox.setSettings', { workspaceId: id, settings: { timeZone: 'Europe/Zurich' } });
  return id;
}

/** An account row as connecting would leave it (the network sign-in is tested elsewhere). */
export function addAccount(core: Core, clock: Clock, workspaceId: string, network: 'bluesky' | 'mastodon', handle: string, connectedAt = clock.now()) {
  return new AccountRepository(core.store.db, () => connectedAt).create({ workspaceId, network, handle });
}

/** Resolves when `check` holds (polling the store), or fails after a while. */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function inboxChanged(core: Core, workspaceId: string) {
  return nextEvent(core, 'inbox.changed', (p: { workspaceId: string; ids: number[] }) => p.workspaceId === workspaceId && p.ids.length > 0, 5_000) as Promise<{
    workspaceId: string;
    ids: number[];
    counts: { open: number; pending: number; done: number };
  }>;
}

export async function listAll(core: Core, workspaceId: string, filter: object = {}, limit = 200): Promise<InboxItemView[]> {
  const out: InboxItemView[] = [];
  let after: unknown = null;
  do {
    const page = await call<{ items: InboxItemView[]; next: unknown }>(core, 'inbox.list', { workspaceId, filter, after, limit });
    out.push(...page.items);
    after = page.next;
  } while (after);
  return out;
}

/** A Bluesky post by someone, `minutesAgo` before the clock. */
export function blueskyPost(clock: Clock, rkey: string, options: { by?: string; did?: string; minutesAgo?: number; text?: string; replyTo?: string | null; raw?: unknown; followers?: number; language?: string } = {}): PolledItem {
  const by = options.by ?? 'kunde.example';
  const did = options.did ?? `did:plc:${by.replace(/\W/g, '')}`;
  return {
    ...anItem({
      remoteId: `at://${did}/app.bsky.feed.post/${rkey}`,
      network: 'bluesky',
      author: { remoteId: did, handle: by, displayName: by, avatarUrl: null, url: null, followers: options.followers ?? 10 },
      text: options.text ?? `Hallo @migros.example, ${rkey}`,
      createdAt: new Date(clock.ms - (options.minutesAgo ?? 5) * 60_000).toISOString(),
      replyToRemoteId: options.replyTo ?? null,
      language: options.language ?? 'de',
    }),
    raw: options.raw,
  };
}

/** Resolves when the stream's poll that is about to start has finished (its status leaves 'polling'). */
export function pollFinished(core: Core, streamId: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let sawPolling = false;
    const timer = setTimeout(() => (stop(), reject(new Error(`stream ${streamId} did not finish a poll`))), timeoutMs);
    const stop = core.events.subscribe((event, payload) => {
      if (event !== 'poll.status') return;
      const { streamId: id, status } = payload as { streamId: string; status: { state: string } };
      if (id !== streamId) return;
      if (status.state === 'polling') sawPolling = true;
      else if (sawPolling) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

/** A feed column (polled once, empty), marked "needs answer" unless told otherwise; returns its id. */
export async function column(started: Started, workspaceId: string, options: { url?: string; needsAnswer?: boolean; blueskySearchAs?: string } = {}): Promise<string> {
  const { core } = started;
  const spec = options.blueskySearchAs
    ? { network: 'bluesky', kind: 'search', query: 'migros', accountId: options.blueskySearchAs }
    : { network: 'feed', kind: 'feed', query: options.url ?? 'https://example.org/feed.xml' };
  const stream = await call<{ id: string }>(core, 'streams.add', { workspaceId, ...spec });
  await until(() => started.script.requests.some((r) => r.stream.id === stream.id), 'the first poll');
  await settle(core, workspaceId, stream.id);
  if (options.needsAnswer !== false) await call(core, 'streams.setNeedsAnswer', { id: stream.id, needsAnswer: true });
  return stream.id;
}

/** Waits until the stream is not polling (its last status event said so, or none came for a moment). */
async function settle(core: Core, workspaceId: string, streamId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { streams } = await call<{ streams: Array<{ id: string; status: { state: string; lastSuccessAt: string | null } }> }>(core, 'streams.list', { workspaceId });
    const status = streams.find((s) => s.id === streamId)?.status;
    if (status && status.state !== 'polling' && status.lastSuccessAt) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`stream ${streamId} kept polling`);
}

/** Polls the column now with these items and waits until that poll is done (and the inbox took what it takes). */
export async function deliver(started: Started, streamId: string, items: PolledItem[]): Promise<void> {
  started.script.forStream(streamId, items);
  const finished = pollFinished(started.core, streamId);
  await call(started.core, 'streams.refresh', { id: streamId });
  await finished;
}
