import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { RunningHost } from './host';

const HOST_SCRIPT = path.resolve(__dirname, '../out/main/host.js');

export interface KillableHost extends RunningHost {
  pid: number;
  /** SIGKILL, as a crash or a power cut would end it: no shutdown code runs. Resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * The headless host as e2e/host.ts starts it (`node out/main/host.js --port 0 --data-dir DIR`,
 * the URL on its first stdout line), plus the process itself, so a spec can kill it hard.
 * host.ts keeps its child private; this is the same start with the child kept.
 */
export async function startKillableHost(dataDir: string, startTimeoutMs = 15_000): Promise<KillableHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--port', '0', '--data-dir', dataDir], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host printed no URL within ${startTimeoutMs} ms.\n${stderr}`));
    }, startTimeoutMs);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before printing its URL.\n${stderr}`));
    });
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) {
    await signal(child, exited, 'SIGKILL');
    throw new Error(`The host's first line is not the URL to open: ${JSON.stringify(url)}\n${stderr}`);
  }
  return {
    url,
    origin: new URL(url).origin,
    pid: child.pid!,
    kill: () => signal(child, exited, 'SIGKILL'),
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await signal(child, exited, 'SIGTERM');
      clearTimeout(timer);
    },
  };
}

async function signal(child: ChildProcess, exited: Promise<void>, name: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(name);
  await exited;
}
