import { Agent, CredentialSession, type AtpSessionData, type AtpSessionEvent } from '@atproto/api';
import { z } from 'zod';
import type { Vault, VaultEntry } from '../../vault/vault';
import { ConnectorError } from '../connector';
import { toConnectorError } from './errors';

// Bluesky sessions, kept in the vault only. The app password itself is never stored: the
// session (access + refresh token) is all we need, and when the refresh token dies (expired,
// app password revoked) the user reconnects, which is what "reconnect needed" asks for.

/** What the vault holds per Bluesky account, as JSON. */
const storedSessionSchema = z.object({
  v: z.literal(1),
  /** The server the user signed in at (a PDS or an entryway such as https://bsky.social). */
  service: z.string().min(1),
  /** The account's own PDS from its DID document, when the service told us. */
  pdsUrl: z.string().min(1).nullable(),
  did: z.string().min(1),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  active: z.boolean(),
  status: z.string().optional(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function parseStoredSession(secret: string): StoredSession | null {
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(secret));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The service URL as typed by a user: "bsky.social", "https://pds.example.com/",
 * "http://127.0.0.1:2583". Only http(s); only the origin counts (XRPC lives under /xrpc).
 */
export function normalizeServiceUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConnectorError('not_found', `"${input}" is not a server address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConnectorError('not_found', `"${input}" is not an http(s) server address.`);
  return url.origin;
}

/** Whether an access token was issued for an app password (its scope says so; not verified, only informative). */
export function isAppPasswordSession(accessJwt: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(accessJwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scope?: unknown };
    return typeof payload.scope === 'string' && payload.scope.startsWith('com.atproto.appPass');
  } catch {
    return false;
  }
}

/**
 * One account's live session: an @atproto/api Agent whose CredentialSession refreshes tokens
 * by itself, and writes every new session to the vault. Vault writes are queued in order
 * (the library does not wait for its persist callback); flush() waits for them.
 */
export class AccountSession {
  readonly agent: Agent;
  private readonly credentials: CredentialSession;
  private writes: Promise<void> = Promise.resolve();
  private writeError: unknown = null;
  private lost = false;
  /** The refresh token this session is on; remembered so a dead one is not tried again. */
  refreshJwt: string | null;

  constructor(
    private readonly vault: Vault,
    readonly entry: VaultEntry,
    readonly service: string,
    stored: StoredSession | null,
    fetchImpl: typeof globalThis.fetch | undefined,
  ) {
    this.credentials = new CredentialSession(new URL(service), fetchImpl, (event, data) => this.onSessionEvent(event, data));
    this.refreshJwt = stored?.refreshJwt ?? null;
    if (stored) {
      this.credentials.session = {
        did: stored.did,
        handle: stored.handle,
        accessJwt: stored.accessJwt,
        refreshJwt: stored.refreshJwt,
        active: stored.active,
        ...(stored.status ? { status: stored.status } : {}),
      };
      if (stored.pdsUrl) this.credentials.pdsUrl = new URL(stored.pdsUrl);
    }
    this.agent = new Agent(this.credentials);
  }

  /** True once the refresh token was rejected: the account must be reconnected. */
  get sessionLost(): boolean {
    return this.lost;
  }

  get did(): string | undefined {
    return this.credentials.did;
  }

  /** The account's own PDS, from its DID document, once the server told us. */
  get pdsUrl(): string | null {
    return this.credentials.pdsUrl?.origin ?? null;
  }

  get current(): AtpSessionData | undefined {
    return this.credentials.session;
  }

  login(identifier: string, password: string) {
    return this.credentials.login({ identifier, password });
  }

  /** Resolves when every session change so far is in the vault; throws the vault's error if one failed. */
  async flush(): Promise<void> {
    await this.writes;
    if (this.writeError !== null) {
      const error = this.writeError;
      this.writeError = null;
      throw error;
    }
  }

  private onSessionEvent(event: AtpSessionEvent, data: AtpSessionData | undefined): void {
    if ((event === 'create' || event === 'update') && data?.accessJwt && data.refreshJwt) {
      this.lost = false;
      this.refreshJwt = data.refreshJwt;
      const record: StoredSession = {
        v: 1,
        service: this.service,
        pdsUrl: this.credentials.pdsUrl?.origin ?? null,
        did: data.did,
        handle: data.handle,
        accessJwt: data.accessJwt,
        refreshJwt: data.refreshJwt,
        active: data.active,
        ...(data.status ? { status: data.status } : {}),
      };
      const secret = JSON.stringify(record);
      this.writes = this.writes.then(() => this.vault.set(this.entry, secret)).catch((error: unknown) => {
        this.writeError = error;
      });
      return;
    }
    if (event === 'expired') this.lost = true;
    // 'create-failed' and 'network-error' store nothing on purpose: the refresh token in the
    // vault stays as it was, never replaced by an empty or failed one.
  }
}

export interface ConnectedAccount {
  did: string;
  handle: string;
  service: string;
  pdsUrl: string | null;
  /** False when the user signed in with the main password; the UI should recommend an app password. */
  usesAppPassword: boolean;
}

export interface BlueskySessionsOptions {
  vault: Vault;
  /** Where an account's secret lives; the core knows the workspace of each account. */
  vaultEntry: (accountId: string) => VaultEntry | Promise<VaultEntry>;
  /** For tests and proxies; global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
}

/** The live sessions of all Bluesky accounts, one per account so token refreshes never race. */
export class BlueskySessions {
  private readonly live = new Map<string, Promise<AccountSession>>();
  /** Refresh tokens the server rejected, per account: not worth another request. */
  private readonly dead = new Map<string, string>();

  constructor(private readonly options: BlueskySessionsOptions) {}

  /** Signs in with a handle or DID and an app password at any server, and stores the session. */
  async connect(accountId: string, input: { service: string; identifier: string; password: string }): Promise<ConnectedAccount> {
    const service = normalizeServiceUrl(input.service);
    const entry = await this.options.vaultEntry(accountId);
    const session = new AccountSession(this.options.vault, entry, service, null, this.options.fetch);
    try {
      await session.login(input.identifier.trim().replace(/^@/, ''), input.password);
    } catch (error) {
      throw toConnectorError(error);
    }
    await session.flush();
    const current = session.current!;
    this.dead.delete(accountId);
    this.live.set(accountId, Promise.resolve(session));
    return {
      did: current.did,
      handle: current.handle,
      service,
      pdsUrl: session.pdsUrl,
      usesAppPassword: isAppPasswordSession(current.accessJwt),
    };
  }

  /** The account's session, loaded from the vault on first use. ConnectorError 'auth' when there is none to use. */
  session(accountId: string): Promise<AccountSession> {
    let pending = this.live.get(accountId);
    if (!pending) {
      pending = this.load(accountId);
      this.live.set(accountId, pending);
      pending.catch(() => this.live.delete(accountId));
    }
    return pending;
  }

  /** After an 'auth' failure: forget the session, and remember its refresh token as dead. */
  markLost(accountId: string, session: AccountSession): void {
    if (session.refreshJwt) this.dead.set(accountId, session.refreshJwt);
    this.live.delete(accountId);
  }

  /** Drops the live session, e.g. when the account is removed or reconnected elsewhere. */
  forget(accountId: string): void {
    this.live.delete(accountId);
    this.dead.delete(accountId);
  }

  private async load(accountId: string): Promise<AccountSession> {
    const entry = await this.options.vaultEntry(accountId);
    const secret = await this.options.vault.get(entry);
    if (secret === null) throw new ConnectorError('auth', 'This Bluesky account has no stored session: reconnect it.');
    const stored = parseStoredSession(secret);
    if (!stored) throw new ConnectorError('auth', 'The stored Bluesky session is unreadable: reconnect the account.');
    if (this.dead.get(accountId) === stored.refreshJwt) {
      throw new ConnectorError('auth', 'The Bluesky session has expired or the app password was revoked: reconnect the account.');
    }
    return new AccountSession(this.options.vault, entry, stored.service, stored, this.options.fetch);
  }
}
