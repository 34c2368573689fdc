// The parent side of the crash tests: builds child.ts once, then runs rounds of "start the app,
// let it die at a kill point, start it again" against one data folder, and asks the network
// after every death what it holds.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { KILL_POINTS, ORDERS_ENV, type ChildOrders, type KillPoint, type ReportLine } from './protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ChildBundle {
  file: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/**
 * child.ts and the sources it imports, bundled into one ES module (packages stay imports). A
 * hundred starts through a TypeScript loader (test/keychain/fixtures/run-ts.mjs) would spend
 * about 1.3 s each transforming the same sources; the bundle starts in about half that, and
 * Node's compile cache takes off a little more. It lives under node_modules/.cache so that the
 * bare imports resolve from the project's node_modules.
 */
export async function buildChild(): Promise<ChildBundle> {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'leitstand-outbox-crash', `${process.pid}-${randomBytes(4).toString('hex')}`);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      ssr: path.join(__dirname, 'child.ts'),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
  });
  return {
    file: path.join(dir, 'child.mjs'),
    env: { NODE_COMPILE_CACHE: path.join(dir, '..', 'compile-cache') },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: ReportLine[];
  stderr: string;
}

/** Runs the child with these orders until it exits or is killed; with the same Node as the tests. */
export async function runChild(bundle: ChildBundle, orders: ChildOrders): Promise<ChildExit> {
  fs.rmSync(orders.reportFile, { force: true });
  const child = spawn(process.execPath, [bundle.file], {
    cwd: ROOT,
    env: { ...process.env, ...bundle.env, [ORDERS_ENV]: JSON.stringify(orders), DBUS_SESSION_BUS_ADDRESS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const guard = setTimeout(() => child.kill('SIGKILL'), orders.timeoutMs + 15_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  clearTimeout(guard);
  const lines = fs.existsSync(orders.reportFile)
    ? fs
        .readFileSync(orders.reportFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ReportLine)
    : [];
  return { code, signal, lines, stderr };
}

/** A small seeded generator (mulberry32), so that a failing sequence of rounds can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RoundRecord {
  round: number;
  point: KillPoint;
  texts: string[];
  /** The post the kill point was aimed at (not for 'random'). */
  target: string | null;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  kill: Extract<ReportLine, { kind: 'kill' }> | null;
  /** What this start found: entries left unpublished by the previous kill, and the texts of all entries once they were published. */
  reconciled: Extract<ReportLine, { kind: 'reconciled' }> | null;
  ms: number;
  /** Posts per text of every round so far, as the network answered right after this death. */
  counts: Map<string, number>;
  problems: string[];
}

export interface CrashRun {
  seed: number;
  rounds: RoundRecord[];
  /** The last, clean start that publishes what the last kill left. */
  final: ChildExit;
  texts: string[];
  /** Posts per text after the final start. */
  finalCounts: Map<string, number>;
  /** The texts of every outbox entry, as the final start found them (all published). */
  finalPublished: string[];
  /** All posts of the account on the network, ours or not. */
  finalTotal: number;
}

export interface CrashRunOptions {
  bundle: ChildBundle;
  network: 'bluesky' | 'mastodon';
  dataDir: string;
  vaultFile: string;
  workspaceId: string;
  accountId: string;
  rounds: number;
  postsPerRound: number;
  /** For 'random': the kill comes after 0..this many milliseconds. */
  randomDelayMaxMs: number;
  /** How many posts with each text the account has on the network now (texts not found: absent). */
  countPosts(): Promise<{ byText: Map<string, number>; total: number }>;
  seed?: number;
  timeoutMs?: number;
}

/**
 * Round r: start the app with this round's posts and one kill point (they cycle through
 * KILL_POINTS; the targeted post of a round is chosen at random). The start also reconciles
 * what the previous round's kill left, and waits for that before it sends anything, so each
 * death is followed by a restart that must finish the job. After the last round a clean start
 * publishes the rest.
 */
export async function runCrashRounds(options: CrashRunOptions): Promise<CrashRun> {
  // LEITSTAND_CRASH_SEED=<seed from a failure message> replays the same targets and delays.
  const fromEnv = Number.parseInt(process.env.LEITSTAND_CRASH_SEED ?? '', 10);
  const seed = options.seed ?? (Number.isNaN(fromEnv) ? Date.now() % 2 ** 31 : fromEnv);
  const random = seededRandom(seed);
  const tag = randomBytes(3).toString('hex');
  const reportFile = path.join(options.dataDir, '..', `crash-report-${tag}.jsonl`);
  const orders = (round: number, texts: string[], kill: ChildOrders['kill']): ChildOrders => ({
    round,
    dataDir: options.dataDir,
    vaultFile: options.vaultFile,
    reportFile,
    network: options.network,
    workspaceId: options.workspaceId,
    accountId: options.accountId,
    texts,
    kill,
    timeoutMs: options.timeoutMs ?? 30_000,
  });

  const rounds: RoundRecord[] = [];
  const all: string[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const point = KILL_POINTS[(round - 1) % KILL_POINTS.length]!;
    const texts = Array.from({ length: options.postsPerRound }, (_, i) => `Crash ${options.network} ${tag} round ${round} post ${i + 1}`);
    all.push(...texts);
    // After 'scheduled', the kill comes right after that post was sent: aimed at the last one, so
    // that the round's other posts are sent too. The others aim at any post of the round.
    const target = point === 'random' ? null : point === 'after-scheduled' ? texts.at(-1)! : texts[Math.floor(random() * texts.length)]!;
    const kill: ChildOrders['kill'] = point === 'random' ? { point, delayMs: Math.round(random() * options.randomDelayMaxMs) } : { point, targetText: target! };
    const began = Date.now();
    const exit = await runChild(options.bundle, orders(round, texts, kill));
    const ms = Date.now() - began;
    const problems: string[] = [];
    const killLine = exit.lines.find((line): line is Extract<ReportLine, { kind: 'kill' }> => line.kind === 'kill') ?? null;
    for (const line of exit.lines) if (line.kind === 'error') problems.push(`child error: ${line.message}`);
    if (exit.signal !== 'SIGKILL') problems.push(`the app was expected to die by SIGKILL, but it exited with code ${exit.code} (signal ${exit.signal}); stderr: ${exit.stderr.slice(-2000)}`);
    const reconciled = exit.lines.find((line): line is Extract<ReportLine, { kind: 'reconciled' }> => line.kind === 'reconciled') ?? null;
    if (!reconciled) problems.push(`round ${round}: the app never finished reconciling; stderr: ${exit.stderr.slice(-2000)}`);
    const { byText } = await options.countPosts();
    rounds.push({ round, point, texts, target, exit: { code: exit.code, signal: exit.signal }, kill: killLine, reconciled, ms, counts: new Map(all.map((text) => [text, byText.get(text) ?? 0])), problems });
  }
  const final = await runChild(options.bundle, orders(options.rounds + 1, [], null));
  const { byText, total } = await options.countPosts();
  fs.rmSync(reportFile, { force: true });
  const finalReconciled = final.lines.find((line): line is Extract<ReportLine, { kind: 'reconciled' }> => line.kind === 'reconciled');
  return { seed, rounds, final, texts: all, finalCounts: new Map(all.map((text) => [text, byText.get(text) ?? 0])), finalPublished: finalReconciled?.published ?? [], finalTotal: total };
}
