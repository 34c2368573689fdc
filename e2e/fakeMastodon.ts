import path from 'node:path';
import type * as FakeMastodonModule from '../test/fakes/mastodon/server';

export type { FakeMastodon } from '../test/fakes/mastodon/server';
export { readOobCode } from '../test/fakes/mastodon/browser';

const SERVER_MODULE = path.resolve(__dirname, '../test/fakes/mastodon/server.ts');

let loaded: Promise<typeof FakeMastodonModule> | null = null;

/**
 * The fake Mastodon of the vitest suites (test/fakes/mastodon), in the Playwright worker. Its
 * OpenAPI checker finds the schema through import.meta.url, which Playwright's CommonJS loader
 * cannot run, so the module is loaded through Vite's module runner, as Vite loads its config.
 * One load per worker: compiling the 1.4 MB OpenAPI document takes a moment.
 */
function fakeMastodonModule(): Promise<typeof FakeMastodonModule> {
  loaded ??= import('vite').then(async ({ runnerImport }) => {
    const { module } = await runnerImport<typeof FakeMastodonModule>(SERVER_MODULE, {
      configFile: false,
      logLevel: 'error',
      root: path.resolve(__dirname, '..'),
    });
    return module;
  });
  return loaded;
}

/** A fresh fake instance on 127.0.0.1 that checks every request and response against the OpenAPI document. */
export async function startFakeMastodon() {
  return (await fakeMastodonModule()).startFakeMastodon();
}
