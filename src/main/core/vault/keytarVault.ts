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
  'On Debian/Ubuntu install libsecret-1-dev and run "npm rebuild keytar" (npm test does both); ' +
  'on macOS and Windows reinstall Leitstand.';

/** Maps what keytar and libsecret report to errors a user can act on. */
export function classifyKeychainError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/Cannot find module|bindings file|keytar\.node|was compiled against|invalid ELF|NODE_MODULE_VERSION/i.test(message)) {
    return new AppError('keychain_unavailable', MISSING_MODULE_HELP, { cause: error });
  }
  if (/D-?Bus|org\.freedesktop\.secrets|was not provided by any \.service|ServiceUnknown|autolaunch/i.test(message)) {
    return new AppError(
      'keychain_unavailable',
      'No OS keychain (Secret Service) is reachable: start a desktop session with GNOME Keyring or KWallet ' +
        `and unlock it. Leitstand never stores secrets in plain text. (${message})`,
      { cause: error },
    );
  }
  if (/Object does not exist|collection|locked|No such interface|cancel/i.test(message)) {
    return new AppError(
      'keychain_unavailable',
      `The OS keychain is locked or has no default collection: unlock it (for example by logging in to your desktop) and try again. (${message})`,
      { cause: error },
    );
  }
  return new AppError('keychain_failed', `The OS keychain refused the request: ${message}`, { cause: error });
}

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

  return {
    async status(): Promise<KeychainStatus> {
      try {
        await run((k) => k.findCredentials(service));
        return { available: true };
      } catch (error) {
        return { available: false, reason: (error as Error).message };
      }
    },
    set: (entry, secret) => run((k) => k.setPassword(service, vaultKey(entry), secret)),
    get: (entry) => run((k) => k.getPassword(service, vaultKey(entry))),
    delete: (entry) => run((k) => k.deletePassword(service, vaultKey(entry))),
    async list(workspaceId?: string): Promise<VaultEntry[]> {
      const credentials = await run((k) => k.findCredentials(service));
      return credentials
        .map((c) => parseVaultKey(c.account))
        .filter((e): e is VaultEntry => e !== null && (workspaceId === undefined || e.workspaceId === workspaceId));
    },
  };
}
