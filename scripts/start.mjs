// `npm start [-- --data-dir DIR]`: builds if needed, then runs the desktop app in Electron and
// exits with Electron's exit code. Extra arguments go to the app unchanged.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { PROJECT_ROOT, buildIfNeeded } from './lib/build-if-needed.mjs';

try {
  buildIfNeeded();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const electronBinary = findElectronBinary();
if (!electronBinary) {
  console.error(
    [
      '',
      'Leitstand cannot start as a desktop app here: the Electron binary could not be downloaded.',
      'The electron package fetches it from GitHub on first use; this machine cannot reach it.',
      '',
      'Use the browser version instead:  npm run serve',
      '(it prints the address to open in a browser as its first line).',
      '',
      'Or point ELECTRON_OVERRIDE_DIST_PATH at a folder with an Electron 45 build and run npm start again.',
    ].join('\n'),
  );
  process.exit(1);
}

const env = { ...process.env };
// Inherited from a parent Electron tool, this would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electronBinary, [PROJECT_ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env });

// Ctrl+C reaches Electron through the terminal's process group already; SIGTERM from a
// process manager only reaches us, so pass both on and let the app shut down cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Could not run Electron (${electronBinary}): ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 1) : 1));
});

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** The electron package resolves to the binary's path, downloading it on first use. */
function findElectronBinary() {
  const require = createRequire(import.meta.url);
  try {
    const binary = require('electron');
    return typeof binary === 'string' ? binary : null;
  } catch {
    return null;
  }
}
