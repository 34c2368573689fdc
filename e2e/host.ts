import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const HOST_SCRIPT = path.resolve(__dirname, '../out/main/host.js');
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningHost {
  /** The first line the host printed: http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  /** The same address without the token. */
  origin: string;
  stop(): Promise<void>;
}

/** Starts `node out/main/host.js --port 0 --data-dir DIR` and waits for the URL on its first stdout line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host printed no URL within ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before printing its URL.\n${stderr}`));
    });
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) {
    await stop(child);
    throw new Error(`The host's first line is not the URL to open: ${JSON.stringify(url)}`);
  }
  return { url, origin: new URL(url).origin, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
