import path from 'node:path';

export interface ShellArgs {
  /** Absolute; null means the platform's per-user application data folder. */
  dataDir: string | null;
}

export class ShellArgsError extends Error {}

/**
 * Reads the shell's own options from argv and ignores everything else (Chromium switches,
 * the app path when started as `electron .`).
 *
 * A `--data-dir` without a value is an error rather than ignored: whoever passed it wanted an
 * isolated data folder (a test, a second profile), and silently opening the user's real
 * database instead is the worst possible fallback.
 */
export function parseShellArgs(argv: readonly string[], cwd: string = process.cwd()): ShellArgs {
  let dataDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--data-dir') {
      value = argv[i + 1];
      i++;
      if (value === undefined || value.startsWith('--')) {
        throw new ShellArgsError('--data-dir needs a folder, e.g. --data-dir ./my-data');
      }
    } else if (arg.startsWith('--data-dir=')) {
      value = arg.slice('--data-dir='.length);
      if (value === '') throw new ShellArgsError('--data-dir needs a folder, e.g. --data-dir=./my-data');
    } else {
      continue;
    }
    dataDir = path.resolve(cwd, value);
  }
  return { dataDir };
}
