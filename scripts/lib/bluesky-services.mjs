// Postgres and Redis for the AT Protocol dev network (@atproto/dev-env TestNetwork), private to
// one test run: a fresh cluster and a fresh Redis on free loopback ports in a temp folder,
// stopped and removed afterwards. Nothing of the machine's own Postgres or Redis is touched.
//
//   node scripts/lib/bluesky-services.mjs   starts both, prints the environment for TestNetwork,
//                                           stops and cleans up on Ctrl-C
//
// Why not the Debian-managed cluster: it may not exist or run (no systemd in containers), and
// tests must not depend on or leave state in it.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-packages.mjs';

/** Why each package is needed (Debian names), for ensureSystemPackages. */
export const BLUESKY_PACKAGES = {
  postgresql: 'the AppView, bsync and Ozone of the AT Protocol dev network keep their data in Postgres',
  'redis-server': 'the AppView of the AT Protocol dev network caches in Redis',
};

export function ensureBlueskyPackages(log = console.log) {
  return ensureSystemPackages(Object.keys(BLUESKY_PACKAGES), log);
}

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** The newest installed Postgres server binaries (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return path.join(base, versions[0], 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v postgres'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  throw new Error(`No Postgres server binaries found (looked in ${base} and on PATH). Install: ${Object.keys(BLUESKY_PACKAGES).join(' ')}`);
}

function redisServerBin() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server || ls /usr/bin/redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('redis-server not found. Install the Debian package redis-server.');
  return found.split('\n')[0];
}

/**
 * Postgres refuses to run as root, so as root both servers run as an unprivileged user: the
 * `postgres` user the Debian package creates, else `nobody`. Node's spawn({uid, gid}) drops
 * privileges (and supplementary groups) itself, so the pid we hold is the server's own and
 * stopping it needs no runuser/su in between.
 */
function serviceUser() {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const line = spawnSync('getent', ['passwd', name], { encoding: 'utf8' }).stdout.trim();
    const [, , uid, gid] = line.split(':');
    if (uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
  }
  throw new Error('Running as root, but there is no unprivileged user (postgres or nobody) to run Postgres as.');
}

/** A port free on loopback right now (the OS picks it); a tiny race remains, so callers retry. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `probe` does, rejects if the process exits first or the time runs out. */
async function waitUntil(label, child, probe, logFile) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
  throw new Error(`${label} did not become ready (${child.exitCode !== null ? `exited with ${child.exitCode}` : 'timed out'}).\n${log}`);
}

/** One round trip of the Redis protocol: PING must answer +PONG. */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let answer = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

function postgresReady(binDir, port) {
  const result = spawnSync(path.join(binDir, 'pg_isready'), ['-h', HOST, '-p', String(port), '-U', 'postgres', '-d', 'postgres'], { stdio: 'ignore' });
  return Promise.resolve(result.status === 0);
}

function spawnServer(command, args, { user, cwd, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', out, out],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  fs.closeSync(out);
  child.on('error', () => {}); // reported through waitUntil: the process is simply not there
  return child;
}

async function stopChild(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = sleep(STOP_TIMEOUT_MS).then(() => 'timeout');
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A schema name TestNetwork accepts ([A-Za-z_]): it prefixes it per service (appview_, bsync_, ozone_). */
function freshSchemaName() {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.randomBytes(10);
  return `leitstand_${Array.from(bytes, (b) => letters[b % letters.length]).join('')}`;
}

async function startPostgres(binDir, dir, user) {
  const dataDir = path.join(dir, 'pg');
  const logFile = path.join(dir, 'postgres.log');
  const initdb = spawnSync(
    path.join(binDir, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8' }, ...(user ? { uid: user.uid, gid: user.gid } : {}) },
  );
  if (initdb.status !== 0) throw new Error(`initdb failed: ${(initdb.stderr || initdb.error?.message || '').trim()}`);
  for (let attempt = 0; ; attempt += 1) {
    const port = await freePort();
    // Throwaway data: durability off makes the dev network's migrations several times faster.
    const child = spawnServer(
      path.join(binDir, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${HOST}`, '-c', `unix_socket_directories=${dir}`,
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
      { user, cwd: dir, logFile },
    );
    try {
      await waitUntil('Postgres', child, () => postgresReady(binDir, port), logFile);
      return { child, port };
    } catch (error) {
      await stopChild(child, 'SIGINT');
      if (attempt >= 2) throw error; // the port may have been taken between probe and bind
    }
  }
}

async function startRedis(dir, user) {
  const redisDir = path.join(dir, 'redis');
  fs.mkdirSync(redisDir);
  if (user) fs.chownSync(redisDir, user.uid, user.gid);
  const logFile = path.join(dir, 'redis.log');
  for (let attempt = 0; ; attempt += 1) {
    const port = await freePort();
    const child = spawnServer(
      redisServerBin(),
      ['--port', String(port), '--bind', HOST, '--dir', redisDir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--daemonize', 'no'],
      { user, cwd: redisDir, logFile },
    );
    try {
      await waitUntil('Redis', child, () => redisPing(port), logFile);
      return { child, port };
    } catch (error) {
      await stopChild(child, 'SIGTERM');
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Starts a private Postgres and Redis. Returns the values TestNetwork reads
 * (DB_POSTGRES_URL, DB_POSTGRES_SCHEMA, REDIS_HOST) and stop(), which shuts both down and
 * removes their folder. stop() is also run, synchronously and bluntly, if the process exits first.
 */
export async function startBlueskyServices({ log = () => {} } = {}) {
  const binDir = postgresBinDir();
  const user = serviceUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bsky-services-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  fs.chmodSync(dir, 0o700);

  let postgres = null;
  let redis = null;
  const killNow = () => {
    for (const child of [postgres?.child, redis?.child]) if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killNow);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killNow);
    // SIGINT is Postgres's "fast" shutdown: it does not wait for clients to disconnect.
    await Promise.all([stopChild(postgres?.child, 'SIGINT'), stopChild(redis?.child, 'SIGTERM')]);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    [postgres, redis] = await Promise.all([startPostgres(binDir, dir, user), startRedis(dir, user)]);
  } catch (error) {
    await stop();
    throw error;
  }
  const env = {
    DB_POSTGRES_URL: `postgresql://postgres@${HOST}:${postgres.port}/postgres`,
    DB_POSTGRES_SCHEMA: freshSchemaName(),
    REDIS_HOST: `${HOST}:${redis.port}`,
  };
  log(`bluesky services: Postgres on ${HOST}:${postgres.port}, Redis on ${env.REDIS_HOST}${user ? ` (as ${user.name})` : ''}`);
  return { env, dir, stop };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  ensureBlueskyPackages();
  const services = await startBlueskyServices({ log: (line) => console.error(line) });
  for (const [key, value] of Object.entries(services.env)) console.log(`${key}=${value}`);
  console.error('Running; Ctrl-C stops both and removes their data.');
  const shutdown = () => services.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
