#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]`: builds if the sources changed, then runs the
// headless host. The host's first line on stdout is the URL to open; the build talks on stderr
// so that nothing comes before it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './lib/build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`Leitstand needs Node 22 (found ${process.version}); start it with npm run serve.`);
  process.exit(1);
}

try {
  buildIfNeeded();
} catch (error) {
  console.error(`The build failed, so Leitstand cannot start: ${error.message}`);
  process.exit(1);
}

const host = spawn(process.execPath, [path.join(root, 'out', 'main', 'host.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
