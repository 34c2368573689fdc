import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/keychain/**', 'test/bluesky/**'],
          environment: 'node',
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'bench',
          include: ['bench/suites/**/*.bench-suite.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 300_000,
        },
      },
      {
        test: {
          // The official AT Protocol dev network on loopback (Postgres and Redis from globalSetup);
          // one network per file, files one after another: each network takes ~400 MB and both cores.
          name: 'bluesky',
          include: ['test/bluesky/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['test/bluesky/globalSetup.mjs'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
    ],
  },
});
