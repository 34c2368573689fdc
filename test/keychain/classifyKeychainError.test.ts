// classifyKeychainError on the messages keytar 7.9 / libsecret 0.20 / gnome-keyring 42 really
// gave on Debian 12 (collected by running keytar in each state; unavailable.test.ts reproduces
// the states themselves and checks the same messages arrive).

import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/contract/errors';
import { classifyKeychainError } from '../../src/main/core/vault/keytarVault';

const NOT_REACHABLE = /^No OS keychain \(Secret Service\) is reachable: .*never stores secrets in plain text/;
const LOCKED = /^The OS keychain \(Secret Service\) is locked or has no default collection: unlock it/;
const MODULE = /^The OS keychain module \(keytar\) is not installed.*libsecret-1-dev.*ensure-keytar\.mjs/;

const observed: Array<[state: string, raw: string, code: string, message: RegExp]> = [
  ['no bus, no $DISPLAY', 'Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain_unavailable', NOT_REACHABLE],
  [
    'no bus, $DISPLAY without an X server',
    'Error spawning command line “dbus-launch --autolaunch=3d1219c7c4c5404aaa1f6d2a48adfda4 --binary-syntax --close-stderr”: Child process exited with code 1',
    'keychain_unavailable',
    NOT_REACHABLE,
  ],
  ['bus address of a bus that is gone', 'Could not connect: No such file or directory', 'keychain_unavailable', NOT_REACHABLE],
  [
    'bus without a Secret Service (set, get, delete)',
    'The name org.freedesktop.secrets was not provided by any .service files',
    'keychain_unavailable',
    NOT_REACHABLE,
  ],
  [
    'bus without a Secret Service (findCredentials)',
    'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
    'keychain_unavailable',
    NOT_REACHABLE,
  ],
  [
    'keyring never unlocked',
    'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    'keychain_unavailable',
    LOCKED,
  ],
  ['collection locked', 'Cannot create an item in a locked collection', 'keychain_unavailable', LOCKED],
  ['keytar built nowhere', "Cannot find module '../build/Release/keytar.node'", 'keychain_unavailable', MODULE],
  ['keytar not installed', "Cannot find module 'keytar'", 'keychain_unavailable', MODULE],
  ['an empty secret, refused by keytar itself', 'Password is required.', 'keychain_failed', /^The OS keychain refused the request: Password is required\.$/],
];

describe('classifyKeychainError', () => {
  it.each(observed)('%s', (_state, raw, code, message) => {
    const cause = new Error(raw);
    const classified = classifyKeychainError(cause);
    expect(classified).toBeInstanceOf(AppError);
    expect(classified.code).toBe(code);
    expect(classified.message).toMatch(message);
    expect(classified.cause).toBe(cause);
  });

  it('keeps the raw message in the text for the keychain states, so a support request can quote it', () => {
    for (const [, raw, , message] of observed) {
      if (message === MODULE) continue;
      expect(classifyKeychainError(new Error(raw)).message).toContain(raw);
    }
  });

  it('passes an AppError through unchanged and copes with thrown non-errors', () => {
    const original = new AppError('keychain_failed', 'already classified');
    expect(classifyKeychainError(original)).toBe(original);
    expect(classifyKeychainError('Cannot create an item in a locked collection').message).toMatch(LOCKED);
    expect(classifyKeychainError(undefined).code).toBe('keychain_failed');
  });
});
