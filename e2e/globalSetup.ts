import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const outputs = ['out/main/host.js', 'out/renderer/index.html'].map((file) => path.join(root, file));

/** The newest modification time of any file below `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app once before the specs when out/ is missing or older than src/ (so a spec never
 * runs against a stale renderer). LEITSTAND_E2E_SKIP_BUILD=1 uses out/ as it is.
 */
export default function globalSetup(): void {
  const missing = outputs.some((file) => !existsSync(file));
  if (!missing && process.env.LEITSTAND_E2E_SKIP_BUILD === '1') return;
  const stale =
    missing ||
    newestMtime(path.join(root, 'src')) > Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  if (!stale) return;
  console.log('[e2e] building the app (electron-vite build) …');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal}).`);
}
