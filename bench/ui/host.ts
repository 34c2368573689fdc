import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CoreClient } from '../../e2e/coreClient';
import { startHost, type RunningHost } from '../../e2e/host';

/** CoreClient: a second client of the running host (the benchmark presses "refresh" and hears core events through it). */
export { CoreClient, startHost, type RunningHost };

const ROOT = path.resolve(__dirname, '..', '..');

type BuildIfNeeded = (options?: { root?: string; log?: (message: string) => void }) => { built: boolean; reason: string | null };

/** Builds out/ with electron-vite when it is missing or older than src/ (as `npm run serve` does). */
export async function ensureBuilt(log: (message: string) => void): Promise<void> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'lib', 'build-if-needed.mjs')).href)) as { buildIfNeeded: BuildIfNeeded };
  module.buildIfNeeded({ root: ROOT, log });
}
