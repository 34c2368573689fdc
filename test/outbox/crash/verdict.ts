import { expect } from 'vitest';
import { openStore } from '../../../src/main/core/store/database';
import type { KillPoint, RowAtKill } from './protocol';
import type { CrashRun, RoundRecord } from './runner';

/** What the store must say about the targeted post at each kill point, and how many copies the network may hold then. */
const AT_KILL: Record<Exclude<KillPoint, 'random'>, { state: string; onNetwork: number }> = {
  'after-scheduled': { state: 'scheduled', onNetwork: 0 },
  'before-network': { state: 'publishing', onNetwork: 0 },
  'after-network': { state: 'publishing', onNetwork: 1 },
  'after-published': { state: 'published', onNetwork: 1 },
};

/** Texts the user got to send form the outbox; each must be on the network once, any other text never. */
function checkCounts(where: string, texts: readonly string[], counts: Map<string, number>, sent: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    const n = counts.get(text) ?? 0;
    const expected = sent.has(text) ? 1 : 0;
    if (n !== expected) problems.push(`${where}: "${text}" is on the network ${n} times, expected ${expected === 1 ? 'once' : 'never (it was never sent)'}`);
  }
  return problems;
}

function checkRound(record: RoundRecord, earlier: readonly RoundRecord[]): string[] {
  const problems = [...record.problems];
  const where = `round ${record.round} (${record.point})`;
  // This start finished what the previous kills left: it saw every post of the earlier rounds as published.
  if (record.reconciled) {
    const sent = new Set(record.reconciled.published);
    problems.push(...checkCounts(`${where}, after the restart and this kill`, earlier.flatMap((r) => r.texts), record.counts, sent));
    for (const r of earlier) {
      if (r.point === 'random') continue;
      const missing = r.texts.filter((text) => !sent.has(text));
      if (missing.length > 0) problems.push(`${where}: posts of round ${r.round} never reached the outbox: ${missing.join(', ')}`);
    }
  }
  for (const text of record.texts) {
    const n = record.counts.get(text) ?? 0;
    if (n > 1) problems.push(`${where}: "${text}" is on the network ${n} times`);
  }
  if (!record.kill) return [...problems, `${where}: the app never reached its kill point`];
  if (record.kill.point !== record.point) problems.push(`${where}: killed at ${record.kill.point}`);
  if (record.point !== 'random') {
    const expected = AT_KILL[record.point];
    const row: RowAtKill | undefined = record.kill.rows.find((r) => r.text === record.target);
    if (!row) problems.push(`${where}: the targeted post was not in the store at the kill`);
    else if (row.state !== expected.state) problems.push(`${where}: the targeted post was ${row.state} at the kill, expected ${expected.state}`);
    const onNetwork = record.counts.get(record.target!) ?? 0;
    if (onNetwork !== expected.onNetwork) problems.push(`${where}: the network held ${onNetwork} copies of the targeted post right after the kill, expected ${expected.onNetwork}`);
    if (record.point === 'after-network' && !record.kill.networkAnswer) problems.push(`${where}: no network answer recorded before the kill`);
  }
  return problems;
}

/**
 * Every kill happened where it was aimed, every restart finished the earlier rounds' posts
 * exactly once, and in the end the network holds each sent post once and nothing else, while
 * the store lists each as published with its own remote post.
 */
export function expectExactlyOnce(run: CrashRun, dataDir: string): void {
  const problems: string[] = [];
  run.rounds.forEach((record, i) => problems.push(...checkRound(record, run.rounds.slice(0, i))));
  if (run.final.code !== 0 || !run.final.lines.some((line) => line.kind === 'done')) {
    problems.push(`the final clean start did not finish: code ${run.final.code}, signal ${run.final.signal}, ${JSON.stringify(run.final.lines.filter((l) => l.kind === 'error'))} ${run.final.stderr.slice(-2000)}`);
  }
  const sent = new Set(run.finalPublished);
  problems.push(...checkCounts('final', run.texts, run.finalCounts, sent));
  const targeted = run.rounds.filter((r) => r.point !== 'random').flatMap((r) => r.texts);
  const neverSent = targeted.filter((text) => !sent.has(text));
  if (neverSent.length > 0) problems.push(`final: posts never reached the outbox: ${neverSent.join(', ')}`);
  if (run.finalTotal !== sent.size) problems.push(`final: the account has ${run.finalTotal} posts on the network, expected ${sent.size}`);

  const store = openStore({ dataDir });
  try {
    const rows = store.db.prepare('SELECT state, remote_id FROM outbox').all() as Array<{ state: string; remote_id: string | null }>;
    const published = rows.filter((row) => row.state === 'published' && row.remote_id);
    if (rows.length !== sent.size) problems.push(`the outbox has ${rows.length} entries, expected ${sent.size}`);
    if (published.length !== rows.length) problems.push(`not every outbox entry is published: ${JSON.stringify(rows.filter((row) => row.state !== 'published'))}`);
    if (new Set(published.map((row) => row.remote_id)).size !== published.length) problems.push('two outbox entries name the same remote post');
  } finally {
    store.close();
  }
  // A run where (nearly) nothing was sent would pass the checks above without proving anything.
  if (sent.size < targeted.length) problems.push(`only ${sent.size} posts were sent`);
  expect(problems, `exactly once under SIGKILL (replay with LEITSTAND_CRASH_SEED=${run.seed})`).toEqual([]);
}

/** One line for the test log: how the kills fell. */
export function summary(run: CrashRun, startedAt: number): string {
  const randomStates = run.rounds
    .filter((r) => r.point === 'random' && r.kill)
    .map((r) => r.kill!.rows.filter((row) => r.texts.includes(row.text)).map((row) => row.state).join('+') || 'before-send');
  const points = new Map<string, number>();
  for (const r of run.rounds) points.set(r.point, (points.get(r.point) ?? 0) + 1);
  const ms = run.rounds.map((r) => r.ms).sort((a, b) => a - b);
  return `${run.rounds.length} kills (${[...points].map(([p, n]) => `${p} ${n}`).join(', ')}), ${run.finalPublished.length} of ${run.texts.length} posts sent, seed ${run.seed}, ${Math.round((Date.now() - startedAt) / 1000)} s (a run: median ${ms[Math.floor(ms.length / 2)]} ms, max ${ms.at(-1)} ms); random kills found the round's posts: ${randomStates.join(', ')}`;
}
