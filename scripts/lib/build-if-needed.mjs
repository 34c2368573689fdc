// Builds the app with electron-vite when out/ is missing or older than its sources.
// Shared by `npm start` (desktop) and `npm run serve` (headless host), so both always run
// what is in src/ without anyone having to remember `npm run build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything one build produces; if any is missing, the build is incomplete. */
const OUTPUTS = ['out/main/index.js', 'out/main/host.js', 'out/preload/index.js', 'out/renderer/index.html'];

/** What the build reads besides node_modules; the lock file stands in for dependency changes. */
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/**
 * @param {{ root?: string, force?: boolean, log?: (message: string) => void }} [options]
 * @returns {{ built: boolean, reason: string | null }}
 */
export function buildIfNeeded(options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  const log = options.log ?? ((message) => console.error(message));
  const reason = options.force ? 'a build was requested' : staleReason(root);
  if (!reason) return { built: false, reason: null };

  log(`Building Leitstand (${reason})…`);
  const bin = electronViteBin(root);
  // process.execPath, not `npx`: under `npm run` that is the project's Node 22, and it
  // needs no shell, so paths with spaces and Windows behave the same.
  // The build talks on stderr: `npm run serve` promises the URL as the first line of stdout.
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.error) throw new Error(`Could not run electron-vite: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`The build failed (electron-vite exited with ${result.status ?? result.signal}). See the output above.`);
  }
  return { built: true, reason };
}

/** @returns {string | null} why a build is needed, or null when out/ is up to date */
export function staleReason(root = PROJECT_ROOT) {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const stat = statOrNull(path.join(root, output));
    if (!stat) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, stat.mtimeMs);
  }
  for (const input of INPUTS) {
    const newer = findNewer(path.join(root, input), oldestOutput);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  return null;
}

/** The first file under `target` modified after `since`, or null. */
function findNewer(target, since) {
  const stat = statOrNull(target);
  if (!stat) return null;
  if (!stat.isDirectory()) return stat.mtimeMs > since ? target : null;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const found = findNewer(path.join(target, entry.name), since);
    if (found) return found;
  }
  // A deleted or renamed file only shows up as a newer directory.
  return stat.mtimeMs > since ? target : null;
}

function statOrNull(file) {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function electronViteBin(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const manifestPath = require.resolve('electron-vite/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['electron-vite'];
  return path.join(path.dirname(manifestPath), bin);
}
