#!/usr/bin/env node
// `npm test`: everything a fresh machine needs, then every suite, then one closing line.
//
//   1. system packages (apt, as root on Debian; otherwise named, and we stop)
//   2. keytar built against libsecret
//   3. typecheck, lint, and the electron-vite build the host and e2e tests run
//   4. vitest: unit (core, contract, store, host, shell), keychain (inside a private keyring),
//      bluesky (the AT Protocol dev network on loopback, with a private Postgres and Redis)
//   5. Playwright in Debian's Chromium against the headless host
//
// Pass a stage name to run only that stage and its set-up: `npm test -- unit`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { ensureKeytar } from './ensure-keytar.mjs';
import { ensureBlueskyPackages } from './lib/bluesky-services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.tmp', 'test-reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const node = process.execPath;

const majorNode = Number(process.versions.node.split('.')[0]);
if (majorNode < 22) {
  console.error(`npm test needs Node 22 (found ${process.version}). Run it through npm (npm test), which uses the Node 22 from node_modules.`);
  process.exit(1);
}

const only = process.argv.slice(2);
const wanted = (stage) => only.length === 0 || only.includes(stage);

fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`${label} could not start: ${result.error.message}`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const results = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function record(stage, ok, tally) {
  results.push({ stage, ok });
  if (tally) {
    counts.passed += tally.passed;
    counts.failed += tally.failed;
    counts.skipped += tally.skipped;
  } else {
    counts[ok ? 'passed' : 'failed'] += 1; // a check without its own test count counts as one
  }
}

function vitestTally(file) {
  const json = readJson(file);
  if (!json) return null;
  return {
    passed: json.numPassedTests ?? 0,
    failed: (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0),
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

function playwrightTally(file) {
  const json = readJson(file);
  if (!json?.stats) return null;
  return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped };
}

// 1 and 2: set-up. Failing here stops everything: the suites would only fail less clearly.
try {
  const needsKeychain = wanted('keychain');
  const needsBrowser = wanted('e2e');
  if (needsKeychain || needsBrowser) ensureSystemPackages();
  if (needsKeychain) {
    const keytar = await ensureKeytar({ quiet: false });
    if (keytar && keytar.ok === false) throw new Error(keytar.message ?? 'keytar could not be built');
  }
  if (wanted('bluesky')) {
    // The AT Protocol dev network needs Postgres and Redis (started privately by the project's
    // globalSetup). Its PDS uses our better-sqlite3 (package.json overrides), prebuilt for Node 22.
    ensureBlueskyPackages();
  }
} catch (error) {
  console.error(`\nnpm test cannot prepare this machine: ${error.message}`);
  console.log('\ntest: 0 passed, 1 failed');
  process.exit(1);
}

// 3: static checks and the build.
if (wanted('typecheck')) record('typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
if (wanted('lint')) record('lint', run('lint', bin('eslint'), ['--max-warnings=0', '.']));
let built = true;
if (wanted('unit') || wanted('e2e')) {
  built = run('build', bin('electron-vite'), ['build']);
  record('build', built);
}

// 4: vitest.
const vitestArgs = (project) => [
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(reports, `${project}.json`)}`,
];
if (wanted('unit')) {
  const ok = run('unit tests', bin('vitest'), vitestArgs('unit'));
  record('unit', ok, vitestTally(path.join(reports, 'unit.json')));
}
if (wanted('keychain')) {
  const ok = run('keychain tests', node, [path.join(root, 'scripts', 'with-keyring.mjs'), bin('vitest'), ...vitestArgs('keychain')]);
  record('keychain', ok, vitestTally(path.join(reports, 'keychain.json')));
}
if (wanted('bluesky')) {
  const ok = run('bluesky tests', bin('vitest'), vitestArgs('bluesky'));
  record('bluesky', ok, vitestTally(path.join(reports, 'bluesky.json')));
}

// 5: Playwright.
if (wanted('e2e')) {
  if (!built) {
    record('e2e', false);
  } else {
    const jsonFile = path.join(reports, 'e2e.json');
    const ok = run('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: jsonFile,
      LEITSTAND_SKIP_BUILD: '1',
    });
    record('e2e', ok, playwrightTally(jsonFile));
  }
}

console.log('\n=== summary');
for (const { stage, ok } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${stage}`);
const allOk = results.every((r) => r.ok);
console.log(`\ntest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(allOk && counts.failed === 0 ? 0 : 1);
