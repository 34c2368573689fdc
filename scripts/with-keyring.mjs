#!/usr/bin/env node
// Runs a command inside a private D-Bus session bus that has a real, unlocked gnome-keyring
// Secret Service on it, then stops both daemons and removes every file they made.
//
//   node scripts/with-keyring.mjs [--no-unlock | --no-keyring] [--] <command> [args...]
//
// The exit code is the command's (128 + signal number if a signal ended it).
// Two options reproduce, for real, states a user can be in and the keychain tests check:
//   --no-unlock   gnome-keyring runs but was never unlocked, so there is no default collection;
//   --no-keyring  a session bus with no Secret Service on it at all.
//
// This is the ENVIRONMENT.md recipe (dbus-run-session + gnome-keyring-daemon --unlock with a
// fresh HOME and XDG dirs), done by hand instead of through dbus-run-session: we start
// dbus-daemon ourselves so that we know both daemons' pids and can stop them for sure, so that
// the bus only has what we put on it (no service activation of whatever the host has installed),
// and so that its socket lives in our temporary folder.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TAG = '[with-keyring]';
const KEYRING_PASSWORD = 'leitstand-test-keyring';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 3_000;

function usage(message) {
  if (message) process.stderr.write(`${TAG} ${message}\n`);
  process.stderr.write(`usage: node scripts/with-keyring.mjs [--no-unlock | --no-keyring] [--] <command> [args...]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  let unlock = true;
  let keyring = true;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '--no-unlock') unlock = false;
    else if (arg === '--no-keyring') keyring = false;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else break;
  }
  const command = argv.slice(i);
  if (command.length === 0) usage('no command given');
  return { unlock, keyring, command };
}

function hasTool(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function checkTools() {
  // Package names are Debian's; .ci/run and the test script install them.
  const needed = [
    ['dbus-daemon', 'dbus'],
    ['dbus-send', 'dbus'],
    ['gnome-keyring-daemon', 'gnome-keyring'],
  ];
  const missing = needed.filter(([tool]) => !hasTool(tool));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
  process.stderr.write(
    `${TAG} cannot start a private Secret Service: ${missing.map(([tool]) => tool).join(', ')} not found. ` +
      `On Debian/Ubuntu: apt-get install -y --no-install-recommends ${packages} dbus-x11 libsecret-tools libsecret-1-dev\n`,
  );
  process.exit(127);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forwards a daemon's output line by line, minus the lines that are known noise. */
function forwardLines(stream, prefix, ignore) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line.trim() && !ignore.some((re) => re.test(line))) process.stderr.write(`${prefix}${line}\n`);
    }
  });
}

function waitForExit(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const exited = await Promise.race([waitForExit(child).then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (!exited) {
    child.kill('SIGKILL');
    await waitForExit(child);
  }
}

/** Starts dbus-daemon on a socket in our folder and resolves with its address. */
function startBus(runtimeDir, env) {
  const socket = path.join(runtimeDir, 'bus');
  // The stock session.conf minus service activation: the bus carries only what we start.
  const config = path.join(runtimeDir, 'session.conf');
  fs.writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--nopidfile', '--print-address=1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Running as root in a container, dbus-daemon cannot raise its fd limit and says so; harmless.
  forwardLines(bus.stderr, `${TAG} dbus-daemon: `, [/Failed to set fd limit/]);
  return {
    bus,
    address: new Promise((resolve, reject) => {
      let out = '';
      bus.stdout.setEncoding('utf8');
      bus.stdout.on('data', (chunk) => {
        out += chunk;
        const newline = out.indexOf('\n');
        if (newline >= 0) resolve(out.slice(0, newline).trim());
      });
      bus.once('error', reject);
      bus.once('exit', (code, signal) => reject(new Error(`dbus-daemon exited early (${signal ?? code})`)));
    }),
  };
}

function dbusSend(env, args) {
  const result = spawnSync('dbus-send', ['--session', '--print-reply', ...args], { env, encoding: 'utf8', timeout: 5000 });
  return result.status === 0 ? result.stdout : null;
}

/**
 * Ready means: the daemon owns org.freedesktop.secrets and, when unlocking, the default
 * collection exists. Asking for the owner first matters: a call addressed to the service
 * itself before it is up would fail (there is no activation on our bus).
 */
async function waitForKeyring(env, keyring, unlock) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (keyring.exitCode !== null || keyring.signalCode !== null) {
      throw new Error(`gnome-keyring-daemon exited during start-up (${keyring.signalCode ?? keyring.exitCode})`);
    }
    const owner = dbusSend(env, [
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ]);
    if (owner && /boolean true/.test(owner)) {
      if (!unlock) return;
      const alias = dbusSend(env, [
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.ReadAlias',
        'string:default',
      ]);
      if (alias && /object path "\/org\/freedesktop\/secrets\/collection\/[^"]+"/.test(alias)) return;
    }
    await sleep(50);
  }
  throw new Error(`gnome-keyring-daemon did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function main() {
  const { unlock, keyring: withKeyring, command } = parseArgs(process.argv.slice(2));
  checkTools();

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-keyring-'));
  const home = path.join(root, 'home');
  const runtimeDir = path.join(root, 'runtime');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(runtimeDir, { mode: 0o700 });
  fs.chmodSync(runtimeDir, 0o700); // mkdir's mode is masked by the umask; gnome-keyring insists on 0700

  const env = { ...process.env };
  // A desktop session's own keyring and bus must not leak in: the command talks to ours only.
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL', 'SSH_AUTH_SOCK', 'DISPLAY', 'WAYLAND_DISPLAY']) {
    delete env[name];
  }
  Object.assign(env, {
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: runtimeDir,
    // Tests that write to the keyring check for this, so that they never run against a
    // developer's real one by accident.
    LEITSTAND_PRIVATE_KEYRING: '1',
  });

  let bus = null;
  let keyring = null;
  let child = null;
  let exitCode = 1;
  let stopping = false;

  const forward = (signal) => {
    stopping = true;
    if (child) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);

  try {
    const started = startBus(runtimeDir, env);
    bus = started.bus;
    env.DBUS_SESSION_BUS_ADDRESS = await started.address;

    if (withKeyring) {
      const keyringArgs = ['--foreground', '--components=secrets'];
      if (unlock) keyringArgs.push('--unlock');
      keyring = spawn('gnome-keyring-daemon', keyringArgs, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      keyring.once('error', (error) => process.stderr.write(`${TAG} gnome-keyring-daemon: ${error.message}\n`));
      // With --unlock it reads the login keyring's password from stdin (creating the keyring on
      // first use); without, stdin must still be closed so that it never waits for input.
      keyring.stdin.end(unlock ? KEYRING_PASSWORD : '');
      forwardLines(keyring.stdout, `${TAG} gnome-keyring-daemon: `, []);
      // Known noise: without CAP_IPC_LOCK (containers) it warns that secrets may be swapped out,
      // and our bus has no password prompter by design, so every attempt to show one fails.
      forwardLines(keyring.stderr, `${TAG} gnome-keyring-daemon: `, [
        /insufficient process capabilities/i,
        /couldn't (?:initialize|create system) prompt/i,
        // gnome-keyring 42 says this when an item is replaced or re-created quickly; it is fine.
        /asked to register item .* but it's already registered/,
      ]);
      await waitForKeyring(env, keyring, unlock);
      env.GNOME_KEYRING_CONTROL = path.join(runtimeDir, 'keyring');
    }

    if (stopping) throw new Error('interrupted during start-up');
    child = spawn(command[0], command.slice(1), { env, stdio: 'inherit' });
    exitCode = await new Promise((resolve) => {
      child.once('error', (error) => {
        process.stderr.write(`${TAG} cannot run ${command[0]}: ${error.message}\n`);
        resolve(127);
      });
      child.once('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
    });
  } catch (error) {
    process.stderr.write(`${TAG} ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await stop(keyring);
    await stop(bus);
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

await main();
