import { afterEach } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createCore, type Core } from '../../src/main/core/createCore';
import { ConnectivityMonitor } from '../../src/main/core/polling';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import type { Network } from '../../src/shared/contract/items';
import type { PostingPlan, ScheduleResult } from '../../src/shared/contract/planner';
import { call } from '../support/core';
import { MemoryVault } from '../support/memoryVault';
import { tempDir } from '../support/tempDir';
import { FakeNetworkServer, FakePublishingConnector } from '../outbox/harness';

/** A clock the test moves by hand. */
export class Clock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

/** The networks' server side: survives restarts of the core, as a real network would. */
export class Networks {
  readonly bluesky = new FakeNetworkServer();
  readonly mastodon = new FakeNetworkServer();
  connectors(): Record<'bluesky' | 'mastodon', FakePublishingConnector> {
    return {
      bluesky: new FakePublishingConnector('bluesky', this.bluesky, { withFind: true }),
      mastodon: new FakePublishingConnector('mastodon', this.mastodon, { withFind: false }),
    };
  }
}

const open = new Set<Core>();
afterEach(() => {
  for (const core of open) core.close();
  open.clear();
});

export interface Started {
  core: Core;
  clock: Clock;
  connectivity: ConnectivityMonitor;
  connectors: Record<'bluesky' | 'mastodon', FakePublishingConnector>;
  events: Array<{ name: string; payload: unknown }>;
  close(): void;
}

/** A real core on a real SQLite file in `dataDir`, with fake publishing connectors, a hand clock and a switchable network. */
export function startCore(options: { dataDir: string; clock: Clock; networks: Networks; online?: boolean; prepare?: (connectors: Record<'bluesky' | 'mastodon', FakePublishingConnector>) => void }): Started {
  const connectivity = new ConnectivityMonitor({ initiallyOnline: options.online ?? true });
  const connectors = options.networks.connectors();
  options.prepare?.(connectors);
  const core = createCore({
    dataDir: options.dataDir,
    appVersion: 'test',
    shell: 'headless',
    log: () => {},
    now: options.clock.now,
    vault: new MemoryVault(),
    poll: false,
    connectivity,
    connectors: { ...connectors, feed: { network: 'feed', poll: async () => ({ items: [], cursor: null, more: false }) } },
  });
  open.add(core);
  const events: Started['events'] = [];
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  return {
    core,
    clock: options.clock,
    connectivity,
    connectors,
    events,
    close() {
      open.delete(core);
      core.close();
    },
  };
}

export interface Brand {
  dataDir: string;
  workspaceId: string;
  accounts: Record<'bluesky' | 'mastodon', string>;
}

/** A workspace with a Bluesky and a Mastodon account, written straight into a fresh store. */
export function seedBrand(core: Core, name = 'Migros'): Omit<Brand, 'dataDir'> {
  const workspaces = new WorkspaceRepository(core.store.db, () => new Date());
  const accounts = new AccountRepository(core.store.db, () => new Date());
  const workspace = workspaces.create(name);
  const made = (network: Network, handle: string) => accounts.create({ workspaceId: workspace.id, network, handle, serverUrl: network === 'mastodon' ? 'https://social.example' : null }).id;
  return { workspaceId: workspace.id, accounts: { bluesky: made('bluesky', `${name.toLowerCase()}.bsky.example`), mastodon: made('mastodon', `${name.toLowerCase()}@social.example`) } };
}

export const plan = (overrides: Partial<PostingPlan> = {}): PostingPlan => ({ timeZone: 'Europe/Zurich', slots: [], dailyCap: null, minGapMinutes: null, quietHours: null, ...overrides });

export const content = (text: string, extra: Record<string, unknown> = {}) => ({ text, spoilerText: null, language: 'de', visibility: null, appendSignature: false, ...extra });

export function newKey(n = 1): string {
  return `post:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function schedulePost(core: Core, workspaceId: string, accountIds: string[], at: unknown, options: { text?: string; key?: string; acknowledgeWarnings?: boolean } = {}) {
  return call<ScheduleResult>(core, 'schedule.fromDraft', {
    workspaceId,
    key: options.key ?? newKey(Math.floor(Math.random() * 1e9)),
    accountIds,
    content: content(options.text ?? 'Unser Wochenangebot'),
    at,
    acknowledgeWarnings: options.acknowledgeWarnings ?? false,
  });
}

export function row(core: Core, id: string): Record<string, unknown> {
  return core.store.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, unknown>;
}

/** Waits until the entry reaches `state` in the store. */
export async function untilState(core: Core, id: string, state: OutboxEntry['state'], timeoutMs = 5_000): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const current = row(core, id);
    if (current?.state === state) return current;
    if (Date.now() - started > timeoutMs) throw new Error(`entry ${id} did not reach ${state}; it is ${String(current?.state)} (${String(current?.error)})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const settle = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

export { call, tempDir };
