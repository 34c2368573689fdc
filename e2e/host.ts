import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const HOST_SCRIPT = path.resolve(__dirname, '../out/main/host.js');

export interface RunningHost {
  /** The first line the host printed: http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  /** The same address without the token. */
  origin: string;
  /** Shuts the host down (SIGTERM, SIGKILL if it lingers). */
  stop(): Promise<void>;
  /** Sends SIGNAL (SIGKILL by default: a crash or power cut, no shutdown code runs); resolves once the host is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface HostOptions {
  /** A command the host runs inside, e.g. scripts/with-keyring.mjs and its arguments (run with this Node). */
  wrapper?: string[];
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Says on stderr why a host died during a test; otherwise the page would only show "connection lost". */
  reportUnexpectedExit?: boolean;
}

/** Starts `node out/main/host.js --port 0 --data-dir DIR` and waits for the URL on its first stdout line. */
export async function startHost(dataDir: string, options: HostOptions = {}): Promise<RunningHost> {
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  const hostArgs = [HOST_SCRIPT, '--port', '0', '--data-dir', dataDir];
  const args = options.wrapper ? [...options.wrapper, process.execPath, ...hostArgs] : hostArgs;
  const child = spawn(process.execPath, args, { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stopping = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  const stopHost = async () => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 5_000);
    await kill('SIGTERM');
    clearTimeout(timer);
  };

  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host printed no URL within ${startTimeoutMs} ms.\n${stderr}`));
    }, startTimeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before printing its URL.\n${stderr}`));
    });
  });
  if (options.reportUnexpectedExit) {
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`[e2e] the host exited during the test (${code ?? signal}):\n${stderr}`);
    });
  }
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) {
    await stopHost();
    throw new Error(`The host's first line is not the URL to open: ${JSON.stringify(url)}\n${stderr}`);
  }
  return { url, origin: new URL(url).origin, stop: stopHost, kill };
}
