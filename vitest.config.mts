import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/keychain/**'],
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
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
        },
      },
    ],
  },
});
