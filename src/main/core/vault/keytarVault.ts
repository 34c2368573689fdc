import { AppError } from '../../../shared/contract/errors';
import type { KeychainStatus } from '../../../shared/contract/domain';
import { parseVaultKey, vaultKey, VAULT_SERVICE, type Vault, type VaultEntry } from './vault';

/** The part of keytar's API the vault uses. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarVaultOptions {
  service?: string;
  /** Loads keytar; replaceable so the "module missing" path can be tested on any machine. */
  load?: () => Promise<KeytarModule>;
}

const MISSING_MODULE_HELP =
  'The OS keychain module (keytar) is not installed or was not built for this machine. ' +
  'On Debian/Ubuntu install libsecret-1-dev and run "node scripts/ensure-keytar.mjs" in the Leitstand folder ' +
  '(npm test does both); on macOS and Windows reinstall Leitstand.';

const NO_SECRET_SERVICE_HELP =
  'No OS keychain (Secret Service) is reachable: start a desktop session with GNOME Keyring or KWallet ' +
  'and unlock it. Leitstand never stores secrets in plain text.';

const LOCKED_HELP =
  'The OS keychain (Secret Service) is locked or has no default collection: unlock it (for example by ' +
  'logging in to your desktop) and try again. Leitstand never stores secrets in plain text.';

/**
 * Maps what keytar and libsecret report to errors a user can act on. The patterns are the
 * messages seen from keytar 7.9 with libsecret 0.20 and gnome-keyring 42 (test/keychain has them):
 *   no bus:        "Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: No such file or
 *                  directory", "Error spawning command line “dbus-launch --autolaunch=…”"
 *   no service:    "The name org.freedesktop.secrets was not provided by any .service files"
 *   no collection: "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
 *   locked:        "Cannot create an item in a locked collection"
 * A dismissed unlock prompt could not be produced here (no prompter without a display); it is
 * taken to say "dismissed" or "cancelled". Locked is tested before the D-Bus patterns, since a
 * GDBus error name may accompany it.
 */
export function classifyKeychainError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (
    /Cannot find module|bindings file|keytar\.node|was compiled against|invalid ELF|NODE_MODULE_VERSION|cannot open shared object|did not self-register/i.test(
      message,
    )
  ) {
    return new AppError('keychain_unavailable', MISSING_MODULE_HELP, { cause: error });
  }
  if (/locked|Object does not exist at path|no such (?:object|collection)|IsLocked|dismissed|cancell?ed/i.test(message)) {
    return new AppError('keychain_unavailable', `${LOCKED_HELP} (${message})`, { cause: error });
  }
  if (
    /D-?Bus|org\.freedesktop\.secrets|\.service files|ServiceUnknown|autolaunch|Could not connect|Connection refused|NoReply|Timeout was reached/i.test(
      message,
    )
  ) {
    return new AppError('keychain_unavailable', `${NO_SECRET_SERVICE_HELP} (${message})`, { cause: error });
  }
  return new AppError('keychain_failed', `The OS keychain refused the request: ${message}`, { cause: error });
}

/**
 * With libsecret, a locked or missing default collection is not an error for reads: lookups
 * answer null, deletes answer false and searches come back empty, as if nothing were stored. And
 * keytar's findCredentials crashes the whole process (strdup of a NULL secret) when it meets an
 * item it could not unlock. Only a write reports those states, so the vault writes and removes
 * this entry before it lists, and whenever "nothing there" may really mean "locked". With a
 * desktop prompter the write also asks the user to unlock. The name has no "/", so it is never
 * taken for an account.
 */
export const KEYCHAIN_CHECK_ACCOUNT = 'leitstand-keychain-check';
const LIBSECRET = process.platform !== 'darwin' && process.platform !== 'win32';

async function loadKeytar(): Promise<KeytarModule> {
  const loaded = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  const keytar = loaded.default ?? loaded;
  if (typeof keytar.getPassword !== 'function') throw new Error('Cannot find module keytar (no getPassword export)');
  return keytar;
}

/** The vault on the OS keychain: service "Leitstand", one entry per account, named workspaceId/accountId. */
export function createKeytarVault(options: KeytarVaultOptions = {}): Vault {
  const service = options.service ?? VAULT_SERVICE;
  const load = options.load ?? loadKeytar;
  let keytarPromise: Promise<KeytarModule> | null = null;

  async function keytar(): Promise<KeytarModule> {
    keytarPromise ??= load();
    try {
      return await keytarPromise;
    } catch (error) {
      keytarPromise = null; // maybe rebuilt later in this session: try again next time
      throw classifyKeychainError(error);
    }
  }

  async function run<T>(operation: (k: KeytarModule) => Promise<T>): Promise<T> {
    const k = await keytar();
    try {
      return await operation(k);
    } catch (error) {
      throw classifyKeychainError(error);
    }
  }

  /** Throws the classified error if the keychain cannot be written (locked, no collection). */
  async function assertWritable(k: KeytarModule): Promise<void> {
    await k.setPassword(service, KEYCHAIN_CHECK_ACCOUNT, 'check');
    await k.deletePassword(service, KEYCHAIN_CHECK_ACCOUNT);
  }

  return {
    async status(): Promise<KeychainStatus> {
      try {
        await run((k) => (LIBSECRET ? assertWritable(k) : k.findCredentials(service).then(() => undefined)));
        return { available: true };
      } catch (error) {
        return { available: false, reason: (error as Error).message };
      }
    },
    async set(entry, secret) {
      // libsecret takes C strings: everything after a NUL would be dropped without a word, and
      // the account would later fail to sign in with a secret that is not the one it was given.
      if (secret.includes('\0')) {
        throw new AppError('keychain_failed', 'The OS keychain cannot store a secret that contains a NUL character.');
      }
      await run((k) => k.setPassword(service, vaultKey(entry), secret));
    },
    get: (entry) =>
      run(async (k) => {
        const secret = await k.getPassword(service, vaultKey(entry));
        if (secret !== null || !LIBSECRET) return secret;
        await assertWritable(k);
        // Asked again: the check may just have had the user unlock the keychain.
        return k.getPassword(service, vaultKey(entry));
      }),
    delete: (entry) =>
      run(async (k) => {
        const deleted = await k.deletePassword(service, vaultKey(entry));
        if (deleted || !LIBSECRET) return deleted;
        await assertWritable(k);
        return k.deletePassword(service, vaultKey(entry));
      }),
    async list(workspaceId?: string): Promise<VaultEntry[]> {
      const credentials = await run(async (k) => {
        if (LIBSECRET) await assertWritable(k);
        return k.findCredentials(service);
      });
      return credentials
        .map((c) => parseVaultKey(c.account))
        .filter((e): e is VaultEntry => e !== null && (workspaceId === undefined || e.workspaceId === workspaceId));
    },
  };
}
