import { randomUUID } from 'node:crypto';
import type { AccountView } from '../../../shared/contract/accounts';
import { AppError } from '../../../shared/contract/errors';
import { ConnectorError, connectorErrorToAppError } from '../connectors/connector';
import { beginOob, completeOob, connectWithLoopback, fetchInstanceLimits, type MastodonConnection, type PendingOobAuthorization } from '../connectors/mastodon';
import type { BlueskySessions } from '../connectors/bluesky';
import type { HandlerTable } from '../dispatch';
import type { CoreEvents } from '../events';
import type { InboxSources } from '../streams/inboxSources';
import type { StreamScheduler } from '../streams/streamHandlers';
import type { StreamRepository } from '../streams/streamRepository';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { Account, AccountRepository } from './accountRepository';
import type { AccountSecrets } from './accountSecrets';

export type OAuthRedirectMode = 'loopback' | 'paste';

interface Deps {
  accounts: AccountRepository;
  secrets: AccountSecrets;
  streams: StreamRepository;
  workspaces: WorkspaceRepository;
  scheduler: StreamScheduler;
  /** Each connected account gets its hidden inbox source. */
  inboxSources: InboxSources;
  events: CoreEvents;
  /** The desktop receives OAuth answers on a loopback port; a browser tab has the user paste the code. */
  oauthMode: OAuthRedirectMode;
  /** Opens a URL in the user's browser (desktop). In 'paste' mode the renderer opens it. */
  openExternal?: (url: string) => void | Promise<void>;
  /** How long a pending authorization may wait for the user. */
  authorizationTimeoutMs?: number;
  /** Tells the columns that streams went with a removed account. */
  streamsChanged: (workspaceId: string) => void;
  blueskySessions: BlueskySessions;
  /** Where a Bluesky session is stored while its account row does not exist yet. */
  pendingBlueskyWorkspace: Map<string, string>;
}

type Pending = { workspaceId: string; accountId: string | null; expires: number } & (
  | { mode: 'paste'; oob: PendingOobAuthorization }
  | { mode: 'loopback'; connection: Promise<MastodonConnection>; abort: AbortController }
);

type AccountMethods = 'accounts.list' | 'accounts.beginMastodon' | 'accounts.completeMastodon' | 'accounts.connectBluesky' | 'accounts.remove';

export function toAccountView(account: Account): AccountView {
  return {
    id: account.id,
    workspaceId: account.workspaceId,
    network: account.network as AccountView['network'],
    handle: account.handle,
    displayName: account.displayName,
    serverUrl: account.serverUrl,
    status: account.status === 'reconnect_needed' ? 'reconnect_needed' : 'connected',
    createdAt: account.createdAt,
  };
}

export interface AccountHandlers {
  handlers: Pick<HandlerTable, AccountMethods>;
  /** Aborts authorizations still waiting for the user (shutdown). */
  close(): void;
}

export function createAccountHandlers(deps: Deps): AccountHandlers {
  const { accounts, secrets, streams, workspaces, scheduler, events } = deps;
  const timeoutMs = deps.authorizationTimeoutMs ?? 10 * 60_000;
  // In memory only: a PKCE verifier and client secret never touch the disk before the token does.
  const pending = new Map<string, Pending>();

  const list = (workspaceId: string) => ({ workspaceId, accounts: accounts.listByWorkspace(workspaceId).map(toAccountView) });
  const changed = (workspaceId: string) => events.emit('accounts.changed', list(workspaceId));

  const forget = (pendingId: string) => {
    const entry = pending.get(pendingId);
    if (entry?.mode === 'loopback') entry.abort.abort();
    pending.delete(pendingId);
  };

  const dropExpired = () => {
    const now = Date.now();
    for (const [id, entry] of pending) if (entry.expires < now) forget(id);
  };

  async function saveMastodon(workspaceId: string, connection: MastodonConnection, reconnecting: string | null): Promise<AccountView> {
    const host = new URL(connection.instanceUrl).host;
    const handle = connection.account.acct.includes('@') ? connection.account.acct : `${connection.account.acct}@${host}`;
    const existing = reconnecting ? accounts.get(reconnecting) : null;
    if (existing && existing.handle.toLowerCase() !== handle.toLowerCase()) {
      throw new AppError('invalid_params', `Signed in as ${handle}, not as ${existing.handle}.`, { reason: 'account_mismatch', details: { name: handle } });
    }
    const id = existing?.id ?? randomUUID();
    // The composer checks posts against the instance's own limits; a failure here costs nothing
    // but those limits (Mastodon's defaults apply until the next connect).
    const limits = await fetchInstanceLimits(connection.instanceUrl, { accessToken: connection.accessToken }).catch(() => null);
    // The secret first: if the keychain refuses, no account row claims a token that is not there.
    await secrets.write(workspaceId, id, {
      network: 'mastodon',
      instanceUrl: connection.instanceUrl,
      accessToken: connection.accessToken,
      clientId: connection.client.clientId,
      clientSecret: connection.client.clientSecret,
    });
    if (existing) {
      if (limits) accounts.setServerLimits(existing.id, limits);
      accounts.setStatus(existing.id, 'connected');
      scheduler.resumeAccount(existing.id);
      deps.inboxSources.ensureFor(existing);
      changed(workspaceId);
      return toAccountView(accounts.get(existing.id));
    }
    const account = accounts.create({
      id,
      workspaceId,
      network: 'mastodon',
      handle,
      displayName: connection.account.displayName,
      serverUrl: connection.instanceUrl,
    });
    if (limits) accounts.setServerLimits(account.id, limits);
    deps.inboxSources.ensureFor(account);
    changed(workspaceId);
    return toAccountView(account);
  }

  const remoteFailure = (error: unknown): never => {
    throw error instanceof ConnectorError ? connectorErrorToAppError(error) : error;
  };

  return {
    close() {
      for (const id of [...pending.keys()]) forget(id);
    },
    handlers: {
      'accounts.list': ({ workspaceId }) => {
        workspaces.get(workspaceId);
        return list(workspaceId);
      },
      'accounts.beginMastodon': async ({ workspaceId, instanceUrl, accountId }) => {
        workspaces.assertLive(workspaceId);
        if (accountId) {
          const account = accounts.get(accountId);
          if (account.workspaceId !== workspaceId || account.network !== 'mastodon') {
            throw new AppError('invalid_params', 'That account is not a Mastodon account of this workspace.');
          }
        }
        dropExpired();
        const pendingId = randomUUID();
        const expires = Date.now() + timeoutMs;
        if (deps.oauthMode === 'paste') {
          const oob = await beginOob({ instanceUrl }).catch(remoteFailure);
          pending.set(pendingId, { mode: 'paste', workspaceId, accountId: accountId ?? null, oob, expires });
          return { pendingId, authorizeUrl: oob.authorizeUrl, mode: 'paste' as const };
        }
        const abort = new AbortController();
        let announce!: (url: string) => void;
        const authorizeUrl = new Promise<string>((resolve) => (announce = resolve));
        const connection = connectWithLoopback({
          instanceUrl,
          signal: abort.signal,
          timeoutMs,
          openUrl: async (url) => {
            announce(url);
            await deps.openExternal?.(url);
          },
        });
        // Until the user finishes, a failure is reported by completeMastodon, not as an unhandled rejection.
        connection.catch(() => {});
        const url = await Promise.race([authorizeUrl, connection.then(() => null)]).catch(remoteFailure);
        if (url === null) throw new AppError('remote_failed', 'The instance answered before the user was asked.');
        pending.set(pendingId, { mode: 'loopback', workspaceId, accountId: accountId ?? null, connection, abort, expires });
        return { pendingId, authorizeUrl: url, mode: 'loopback' as const };
      },
      'accounts.completeMastodon': async ({ pendingId, code }) => {
        const entry = pending.get(pendingId);
        if (!entry) throw new AppError('not_found', 'This sign-in has expired or was already completed. Start again.');
        try {
          if (entry.mode === 'paste') {
            if (!code) throw new AppError('invalid_params', 'Paste the code the instance showed you.');
            const connection = await completeOob(entry.oob, code).catch((error: unknown) => {
              if (error instanceof ConnectorError && error.kind === 'auth') {
                throw new AppError('unauthorized', `The instance did not accept this code: ${error.message}`, { reason: 'code_rejected' });
              }
              return remoteFailure(error);
            });
            return await saveMastodon(entry.workspaceId, connection, entry.accountId);
          }
          const connection = await entry.connection.catch(remoteFailure);
          return await saveMastodon(entry.workspaceId, connection, entry.accountId);
        } finally {
          // A wrong pasted code may be tried again; anything else ends this sign-in.
          if (!(entry.mode === 'paste' && !code)) pending.delete(pendingId);
        }
      },
      'accounts.connectBluesky': async ({ workspaceId, serviceUrl, identifier, appPassword, accountId }) => {
        workspaces.assertLive(workspaceId);
        const existing = accountId ? accounts.get(accountId) : null;
        if (existing && (existing.workspaceId !== workspaceId || existing.network !== 'bluesky')) {
          throw new AppError('invalid_params', 'That account is not a Bluesky account of this workspace.');
        }
        const id = existing?.id ?? randomUUID();
        deps.pendingBlueskyWorkspace.set(id, workspaceId);
        try {
          const connected = await deps.blueskySessions
            .connect(id, { service: serviceUrl, identifier, password: appPassword })
            .catch((error: unknown) => {
              if (error instanceof ConnectorError && error.kind === 'auth') {
                throw new AppError('unauthorized', `${serviceUrl} did not accept this handle and app password.`, { reason: 'login_rejected' });
              }
              return remoteFailure(error);
            });
          if (!connected.usesAppPassword) {
            // The main password can do everything, including deleting the account: never keep it.
            deps.blueskySessions.forget(id);
            if (!existing) await deps.secrets.remove(workspaceId, id);
            throw new AppError('invalid_params', 'Use an app password (Settings > Privacy and security > App passwords), not the account password.', {
              reason: 'app_password_required',
            });
          }
          let account: Account;
          if (existing) {
            accounts.setStatus(existing.id, 'connected');
            account = accounts.get(existing.id);
            deps.scheduler.resumeAccount(existing.id);
          } else {
            account = accounts.create({ id, workspaceId, network: 'bluesky', handle: connected.handle, serverUrl: connected.service });
          }
          deps.inboxSources.ensureFor(account);
          changed(workspaceId);
          return toAccountView(account);
        } finally {
          deps.pendingBlueskyWorkspace.delete(id);
        }
      },
      'accounts.remove': async ({ id }) => {
        const account = accounts.get(id);
        if (account.network === 'bluesky') deps.blueskySessions.forget(id);
        await secrets.remove(account.workspaceId, id);
        // Its columns and its hidden inbox source alike.
        for (const stream of streams.listByWorkspace(account.workspaceId)) {
          if (stream.accountId !== id) continue;
          scheduler.removed(stream.id);
          streams.remove(stream.id);
        }
        accounts.remove(id);
        changed(account.workspaceId);
        deps.streamsChanged(account.workspaceId);
        return { id };
      },
    },
  };
}
