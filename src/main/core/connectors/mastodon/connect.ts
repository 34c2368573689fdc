import { startLoopbackListener } from './loopback';
import { normalizeInstanceUrl } from './instanceUrl';
import {
  buildAuthorizeUrl,
  createPkce,
  createState,
  exchangeCode,
  OOB_REDIRECT_URI,
  registerApp,
  verifyCredentials,
  DEFAULT_SCOPES,
  type AppRegistration,
  type MastodonAccountInfo,
} from './oauth';

/**
 * Connecting a Mastodon account: the two ways the authorization code comes back.
 * - Desktop: a loopback redirect. The app is registered per attempt with the listener's exact
 *   `http://127.0.0.1:<port>/callback`, so it works whether or not the instance's Doorkeeper
 *   ignores the port of loopback redirect URIs.
 * - Headless host (or no browser on this machine): out-of-band. The instance shows the code and
 *   the user pastes it; `beginOob` returns the URL to open and `completeOob` takes the code.
 * The result goes to the vault as a whole (token and client secret); never log it.
 */
export interface MastodonConnection {
  instanceUrl: string;
  accessToken: string;
  scope: string;
  account: MastodonAccountInfo;
  /** Needed to revoke the token when the account is removed. */
  client: AppRegistration;
}

export interface ConnectOptions {
  instanceUrl: string;
  /** Opens the authorization page in the user's browser (shell.openExternal on the desktop). */
  openUrl: (url: string) => void | Promise<void>;
  website?: string;
  scopes?: string;
  signal?: AbortSignal;
  /** How long the user may take in the browser. */
  timeoutMs?: number;
  requestTimeoutMs?: number;
}

export async function connectWithLoopback(options: ConnectOptions): Promise<MastodonConnection> {
  const instanceUrl = normalizeInstanceUrl(options.instanceUrl);
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const state = createState();
  const pkce = createPkce();
  const listener = await startLoopbackListener({ state, timeoutMs: options.timeoutMs, signal: options.signal });
  try {
    const common = { signal: options.signal, timeoutMs: options.requestTimeoutMs };
    const app = await registerApp(instanceUrl, { ...common, redirectUris: [listener.redirectUri], scopes, website: options.website });
    await options.openUrl(
      buildAuthorizeUrl(instanceUrl, { clientId: app.clientId, redirectUri: listener.redirectUri, codeChallenge: pkce.challenge, state, scopes }),
    );
    const code = await listener.code;
    return await finish(instanceUrl, app, { code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier, scopes, ...common });
  } finally {
    await listener.close();
  }
}

/** Everything needed to finish an out-of-band authorization; keep it in memory only. */
export interface PendingOobAuthorization {
  instanceUrl: string;
  authorizeUrl: string;
  app: AppRegistration;
  codeVerifier: string;
  scopes: string;
}

export async function beginOob(options: Omit<ConnectOptions, 'openUrl' | 'timeoutMs'>): Promise<PendingOobAuthorization> {
  const instanceUrl = normalizeInstanceUrl(options.instanceUrl);
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const pkce = createPkce();
  const app = await registerApp(instanceUrl, {
    redirectUris: [OOB_REDIRECT_URI],
    scopes,
    website: options.website,
    signal: options.signal,
    timeoutMs: options.requestTimeoutMs,
  });
  // No state: the instance shows the code instead of redirecting, so nothing could carry it back.
  const authorizeUrl = buildAuthorizeUrl(instanceUrl, { clientId: app.clientId, redirectUri: OOB_REDIRECT_URI, codeChallenge: pkce.challenge, scopes });
  return { instanceUrl, authorizeUrl, app, codeVerifier: pkce.verifier, scopes };
}

export async function completeOob(
  pending: PendingOobAuthorization,
  pastedCode: string,
  options: { signal?: AbortSignal; requestTimeoutMs?: number } = {},
): Promise<MastodonConnection> {
  return finish(pending.instanceUrl, pending.app, {
    code: pastedCode.trim(),
    redirectUri: OOB_REDIRECT_URI,
    codeVerifier: pending.codeVerifier,
    scopes: pending.scopes,
    signal: options.signal,
    timeoutMs: options.requestTimeoutMs,
  });
}

async function finish(
  instanceUrl: string,
  app: AppRegistration,
  exchange: { code: string; redirectUri: string; codeVerifier: string; scopes: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<MastodonConnection> {
  const token = await exchangeCode(instanceUrl, { app, ...exchange });
  const account = await verifyCredentials(instanceUrl, token.accessToken, { signal: exchange.signal, timeoutMs: exchange.timeoutMs });
  return { instanceUrl, accessToken: token.accessToken, scope: token.scope, account, client: app };
}
