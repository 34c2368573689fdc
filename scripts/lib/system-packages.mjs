// The Debian packages the test suite needs on a fresh machine, and the one place that installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Why each package is needed, so a reader knows what may be removed when. */
export const TEST_PACKAGES = {
  'libsecret-1-dev': 'headers to build keytar, the OS keychain module',
  'gnome-keyring': 'a real Secret Service for the keychain tests',
  dbus: 'a private D-Bus session for the keychain tests',
  'dbus-x11': 'dbus-launch for gnome-keyring',
  'libsecret-tools': 'secret-tool, to look into the keyring from tests',
  chromium: 'the browser the Playwright end-to-end tests drive',
};

function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/**
 * Installs what is missing with apt-get when run as root on Debian; otherwise names the
 * packages and throws, so the caller can stop with a clear message instead of failing later.
 */
export function ensureSystemPackages(packages = Object.keys(TEST_PACKAGES), log = console.log) {
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/dpkg-query')) {
    throw new Error(
      `The tests need these system packages (Debian names): ${packages.join(', ')}. ` +
        'Install their equivalents for your system, then run npm test again.',
    );
  }
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}.\n` +
        `Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
        'then run npm test again.',
    );
  }
  log(`Installing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'inherit', 'inherit'], env });
  return missing;
}
