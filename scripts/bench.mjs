#!/usr/bin/env node
// `npm run bench [-- <prefix>]`: runs the benchmark suites (bench/suites) with vitest, which
// compiles the TypeScript; each figure prints as `BENCH <name> <value> <unit>` and is saved
// to bench/results.json. Benchmarks measure; tests elsewhere assert behaviour.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = process.argv[2] ?? '';
const result = spawnSync(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--project', 'bench', '--silent=false'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, LEITSTAND_BENCH_PREFIX: prefix } },
);
process.exit(result.status ?? 1);
