import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/contract/errors';
import { createCore } from '../core/createCore';
import { defaultDataDir } from './dataDir';
import { startHost } from './server';
import { version } from '../../../package.json';

const USAGE = 'Usage: npm run serve [-- --port N --data-dir DIR]';

/** `npm run serve`: the first line on stdout is the URL to open, everything else goes to stderr. */
async function main(argv: string[]): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535.\n${USAGE}`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());

  const log = (message: string) => process.stderr.write(`${message}\n`);
  let core;
  try {
    core = createCore({ dataDir, appVersion: version, shell: 'headless', log });
  } catch (error) {
    fail(isAppError(error) ? `Leitstand cannot start: ${error.message}` : String(error));
  }

  let host;
  try {
    host = await startHost({ core, rendererDir: path.join(__dirname, '../renderer'), port, log });
  } catch (error) {
    core.close();
    const message = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `Port ${port} is already in use.` : String(error);
    fail(`Leitstand cannot start: ${message}`);
  }

  process.stdout.write(`${host.url}\n`);
  log(`Leitstand is running. Open the address above in your browser. Data: ${dataDir}. Stop with Ctrl+C.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`Leitstand received ${signal}, shutting down.`);
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

void main(process.argv.slice(2));
