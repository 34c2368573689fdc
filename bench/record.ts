import fs from 'node:fs';
import path from 'node:path';

const RESULTS_FILE = path.resolve(__dirname, 'results.json');
const prefix = process.env.LEITSTAND_BENCH_PREFIX ?? '';

/**
 * Whether any of these figures is wanted in this run (`npm run bench -- <prefix>` runs the
 * figures whose names start with the prefix). A suite names every figure its work produces.
 */
export function wanted(...figures: string[]): boolean {
  return figures.some((figure) => figure.startsWith(prefix));
}

/** Prints `BENCH <name> <value> <unit>` and merges the figure into bench/results.json. */
export function record(name: string, value: number, unit: string): void {
  const rounded = Math.round(value * 1000) / 1000;
  process.stdout.write(`BENCH ${name} ${rounded} ${unit}\n`);
  let results: Record<string, { value: number; unit: string }> = {};
  try {
    results = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    // first figure of a fresh checkout
  }
  results[name] = { value: rounded, unit };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMsAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
