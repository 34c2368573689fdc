import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, it } from 'vitest';
import { createCore } from '../../src/main/core/createCore';
import type { Vault } from '../../src/main/core/vault/vault';
import { call } from '../../test/support/core';
import { percentile, record, timeMsAsync, wanted } from '../record';
import { DEFAULT_INBOX_SEED, seededDataDir, type InboxSeed } from '../ui/inboxSeed';
import { measureOpenConversation } from '../ui/openConversation';

// The inbox and the contact history over a store seeded as after months of use (bench/ui/inboxSeed.ts):
// 1,000,000 items, 100,000 inbox items in one workspace, a busy author with about 5,000 items.
// Seeded stores are cached under bench/.cache; LEITSTAND_BENCH_INBOX_ITEMS makes a smaller one.

const ITEMS = Number(process.env.LEITSTAND_BENCH_INBOX_ITEMS ?? DEFAULT_INBOX_SEED.items);
const SEED = { ...DEFAULT_INBOX_SEED, items: ITEMS, inboxItems: Math.min(DEFAULT_INBOX_SEED.inboxItems, Math.floor(ITEMS / 10)) };
const RUNS = 300;
const PAGE = 50;

const CORE_FIGURES = ['inbox.first_page_ms_p50', 'inbox.contact_history_ms_p50'];
const UI_FIGURE = 'ui.open_conversation_ms_p50';

const log = (message: string) => process.stdout.write(`inbox: ${message}\n`);
const round = (value: number) => Math.round(value * 100) / 100;
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

function scratch(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `leitstand-bench-inbox-${label}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Nothing here reads a secret; a keychain would only slow the start down. */
const noVault: Vault = {
  status: async () => ({ available: false, reason: 'No keychain in the benchmark.' }),
  set: async () => {},
  get: async () => null,
  delete: async () => false,
  list: async () => [],
};

function summary(samples: number[]): string {
  return `p50 ${round(percentile(samples, 50))}, p90 ${round(percentile(samples, 90))}, p99 ${round(percentile(samples, 99))}, max ${round(Math.max(...samples))} ms`;
}

interface ListedItem {
  id: number;
  status: string;
  dueAt: string | null;
}

it(`inbox.first_page_ms_p50 and inbox.contact_history_ms_p50 over ${ITEMS} items`, async () => {
  if (!wanted(...CORE_FIGURES)) return;
  const dataDir = scratch('core');
  const seed: InboxSeed = seededDataDir(dataDir, { ...SEED, variant: 'core' }, log);
  const core = createCore({ dataDir, appVersion: 'bench', shell: 'headless', poll: false, vault: noVault, log: () => {} });
  cleanups.push(() => core.close());
  const { workspaceId, busyAuthor } = seed;

  // The inbox as it opens: open and pending, due first.
  const first = await call<{ items: ListedItem[]; counts: Record<string, number>; next: unknown }>(core, 'inbox.list', { workspaceId, limit: PAGE });
  if (first.items.length !== PAGE) throw new Error(`inbox.list gave ${first.items.length} items, expected a full page of ${PAGE}`);
  if (first.items.some((item) => item.status === 'done')) throw new Error('inbox.list showed done items by default');
  const dues = first.items.map((item) => (item.dueAt ? Date.parse(item.dueAt) : Infinity));
  if (dues.some((due, i) => i > 0 && due < dues[i - 1]!)) throw new Error('inbox.list is not sorted due first');
  log(`counts ${JSON.stringify(first.counts)} (seeded: ${seed.counts.openOrPending} open or pending of ${seed.counts.inbox_items})`);

  const firstPage: number[] = [];
  for (let i = 0; i < RUNS; i++) firstPage.push(await timeMsAsync(() => call(core, 'inbox.list', { workspaceId, limit: PAGE })));
  log(`inbox.list first page: ${summary(firstPage)}`);

  // Not figures, but worth seeing next to it: the filters people use all day, and a page further down.
  const agents = await call<{ agents: Array<{ id: string }> }>(core, 'agents.list', { workspaceId });
  const variants: Array<[string, Record<string, unknown>]> = [
    ['assignee', { filter: { assignee: agents.agents[0]!.id } }],
    ['unassigned', { filter: { assignee: 'none' } }],
    ['tag', { filter: { tag: 'refund' } }],
    ['done', { filter: { statuses: ['done'] } }],
  ];
  for (const [label, params] of variants) {
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) samples.push(await timeMsAsync(() => call(core, 'inbox.list', { workspaceId, limit: PAGE, ...params })));
    log(`inbox.list ${label}: ${summary(samples)}`);
  }
  let cursor = first.items.length ? first.next : null;
  for (let i = 0; i < 20 && cursor; i++) cursor = (await call<{ next: unknown }>(core, 'inbox.list', { workspaceId, limit: PAGE, after: cursor })).next;
  if (cursor) {
    const deep: number[] = [];
    for (let i = 0; i < 50; i++) deep.push(await timeMsAsync(() => call(core, 'inbox.list', { workspaceId, limit: PAGE, after: cursor })));
    log(`inbox.list page 22: ${summary(deep)}`);
  }

  // The contact history of the busy author: everything they wrote here, and what we answered.
  const history = await call<{ entries: Array<{ direction: string; item: { text: string } }> }>(core, 'contacts.history', {
    workspaceId,
    author: busyAuthor,
    limit: PAGE,
  });
  if (history.entries.length !== PAGE) throw new Error(`contacts.history gave ${history.entries.length} entries, expected ${PAGE}`);
  const own = new RegExp(`^\\[a(${seed.busyContactAuthors.join('|')}) `);
  const strangers = history.entries.filter((entry) => entry.direction === 'in' && !own.test(entry.item.text));
  if (strangers.length > 0) throw new Error(`contacts.history shows items of other authors: ${strangers[0]!.item.text.slice(0, 40)}`);
  log(`busy author ${busyAuthor.remoteId}: ${seed.counts.busyAuthorItems} items; first page ${history.entries.filter((e) => e.direction === 'out').length} answers out`);

  const histories: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    histories.push(await timeMsAsync(() => call(core, 'contacts.history', { workspaceId, author: busyAuthor, limit: PAGE })));
  }
  log(`contacts.history first page: ${summary(histories)}`);

  record('inbox.first_page_ms_p50', percentile(firstPage, 50), 'ms');
  record('inbox.contact_history_ms_p50', percentile(histories, 50), 'ms');
}, 900_000);

it(`${UI_FIGURE}: Enter on an inbox item until its conversation and contact history show, in Chromium`, async () => {
  if (!wanted(UI_FIGURE)) return;
  const dataDir = scratch('ui');
  const seed = seededDataDir(dataDir, { ...SEED, variant: 'ui' }, log);
  const samples = await measureOpenConversation({ dataDir, seed, log, cleanups });
  log(`open conversation (to the frame after it): ${summary(samples.painted)}`);
  log(`open conversation (to the DOM being complete): ${summary(samples.dom)}`);
  record(UI_FIGURE, percentile(samples.painted, 50), 'ms');
}, 900_000);
