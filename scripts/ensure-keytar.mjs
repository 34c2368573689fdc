#!/usr/bin/env node
// Makes the OS keychain module (keytar) loadable, if this machine allows it.
//
//   node scripts/ensure-keytar.mjs [--quiet]
//
// Why this exists: keytar is an optional dependency whose install script npm is told not to run
// (package.json "allowScripts": { "keytar": false }), because on a machine without internet
// access to GitHub and without the libsecret headers that script fails, and a failing install
// script would either fail `npm install` or make npm drop keytar altogether. So we do its job
// here, as a root postinstall step that can never fail the install:
//   1. keytar already loads: nothing to do.
//   2. keytar's own prebuilt binary (prebuild-install): what works on users' machines.
//   3. a build from source with node-gyp, when the libsecret headers are there.
//   4. otherwise one clear line on what is missing and how to fix it.
// Note that `npm rebuild keytar` is no fix: it honours allowScripts and builds nothing.
//
// With --quiet (postinstall) the exit code is always 0; without it, 1 when keytar stays unusable.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TAG = 'ensure-keytar:';
const PREBUILT_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;
const IS_LINUX_LIKE = process.platform !== 'darwin' && process.platform !== 'win32';

export const FIX_HINT = IS_LINUX_LIKE
  ? 'On Debian/Ubuntu: sudo apt-get install -y libsecret-1-dev, then run "node scripts/ensure-keytar.mjs" ' +
    '(or "npm run postinstall") in the Leitstand folder.'
  : 'Install the C++ build tools for node-gyp, then run "node scripts/ensure-keytar.mjs" in the Leitstand folder.';

/**
 * The Node that runs the app and the tests: the project's Node 22 (the `node` devDependency)
 * when present, else whichever runs this script. The load check must use that one: a module
 * built against Node 22's headers can crash Node 20 at load time, and vice versa is not ours
 * to care about.
 */
function targetNode() {
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  return process.platform !== 'win32' && fs.existsSync(bin) ? bin : process.execPath;
}

function keytarDir() {
  try {
    return path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('keytar/package.json'));
  } catch {
    return null;
  }
}

/**
 * Loads keytar in a child process: a broken native module may crash the process that loads
 * it (seen: SIGSEGV), and a fresh process is not fooled by anything cached in this one.
 */
function keytarLoads() {
  const result = spawnSync(
    targetNode(),
    ['-e', "const k = require('keytar'); if (typeof k.getPassword !== 'function') process.exit(3);"],
    { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
  );
  if (result.status === 0) return { ok: true };
  const why = result.signal
    ? `crashed with ${result.signal}`
    : (result.stderr || result.error?.message || '').split('\n').find((line) => /Error|error:/.test(line))?.trim() ||
      `exit code ${result.status}`;
  return { ok: false, why };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { ok: result.status === 0, output, error: result.error };
}

function lastLines(text, count) {
  return text.trim().split('\n').slice(-count).join('\n');
}

function hasLibsecretHeaders() {
  return run('pkg-config', ['--exists', 'libsecret-1'], { stdio: 'ignore' }).ok;
}

/** node-gyp: npm's own (npm tells lifecycle scripts where it is), else the project's, else npm's next to npm-cli.js. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(path.join(ROOT, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project: fine, npm bundles one
  }
  if (process.env.npm_execpath) {
    candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    candidates.push(path.join(dir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  return candidates.find((file) => file && fs.existsSync(file)) ?? null;
}

/**
 * Headers for node-gyp without going to nodejs.org (which may be unreachable): an npm-configured
 * nodedir wins, as `npm rebuild` would use it; else the headers that ship in the project's own
 * Node package.
 */
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const bundled = path.join(ROOT, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  return fs.existsSync(path.join(bundled, 'include', 'node', 'node_api.h')) ? [`--nodedir=${bundled}`] : [];
}

/**
 * Returns { ok, how, message }: how is 'present', 'prebuilt' or 'built' when keytar loads,
 * message says what is missing when it does not. Never throws.
 */
export async function ensureKeytar({ quiet = false } = {}) {
  const say = (line) => {
    if (!quiet) process.stdout.write(`${TAG} ${line}\n`);
  };
  const missing = (detail) => {
    const message = `Leitstand: the OS keychain module (keytar) is missing, so accounts cannot be saved yet (${detail}). ${FIX_HINT}`;
    process.stderr.write(`${message}\n`);
    return { ok: false, how: null, message };
  };

  try {
    const dir = keytarDir();
    if (!dir) return missing('keytar is not installed; run "npm install"');

    const first = keytarLoads();
    if (first.ok) {
      say('keytar loads; nothing to do.');
      return { ok: true, how: 'present', message: null };
    }
    say(`keytar does not load (${first.why}); trying its prebuilt binary.`);

    let prebuildInstall = null;
    try {
      prebuildInstall = createRequire(path.join(dir, 'package.json')).resolve('prebuild-install/bin.js');
    } catch {
      say('prebuild-install is not installed; skipping the prebuilt binary.');
    }
    if (prebuildInstall) {
      const prebuilt = run(targetNode(), [prebuildInstall], { cwd: dir, timeout: PREBUILT_TIMEOUT_MS });
      if (prebuilt.ok && keytarLoads().ok) {
        say('installed keytar\'s prebuilt binary.');
        return { ok: true, how: 'prebuilt', message: null };
      }
      say(`no prebuilt binary (${lastLines(prebuilt.output || prebuilt.error?.message || 'failed', 1)}).`);
    }

    if (IS_LINUX_LIKE && !hasLibsecretHeaders()) {
      return missing('no prebuilt binary could be downloaded and the libsecret-1 headers are not installed');
    }
    const nodeGyp = findNodeGyp();
    if (!nodeGyp) return missing('no prebuilt binary could be downloaded and node-gyp was not found');

    say('building keytar from source with node-gyp.');
    const built = run(targetNode(), [nodeGyp, 'rebuild', ...nodedirArgs()], { cwd: dir, timeout: BUILD_TIMEOUT_MS });
    if (built.ok) {
      const check = keytarLoads();
      if (check.ok) {
        if (quiet) process.stdout.write(`${TAG} built the OS keychain module (keytar) from source.\n`);
        else say('built keytar from source.');
        return { ok: true, how: 'built', message: null };
      }
      return missing(`it was built but does not load: ${check.why}`);
    }
    if (!quiet) process.stderr.write(`${lastLines(built.output || built.error?.message || '', 15)}\n`);
    return missing(`building it failed: ${lastLines(built.output || built.error?.message || 'unknown error', 1)}`);
  } catch (error) {
    return missing(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const quiet = process.argv.includes('--quiet');
  const result = await ensureKeytar({ quiet }).catch(() => ({ ok: false }));
  process.exitCode = result.ok || quiet ? 0 : 1;
}
