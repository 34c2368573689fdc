import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError } from '../connector';
import { mastodonRequest } from './http';
import { accountSchema, credentialApplicationSchema, tokenSchema } from './schemas';
import type { z } from 'zod';

/**
 * The steps of Mastodon's OAuth 2 authorization code flow with PKCE (RFC 7636, S256), each a plain
 * function so the desktop (loopback redirect) and the headless host (out-of-band code) share them.
 * See connect.ts for the two flows. Nothing here logs; tokens and secrets only travel in results.
 */
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
export const DEFAULT_SCOPES = 'read write';
export const APP_NAME = 'Leitstand';

export interface AppRegistration {
  clientId: string;
  /** A secret too: it goes to the vault with the token, never into the database. */
  clientSecret: string;
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export interface MastodonAccountInfo {
  id: string;
  acct: string;
  url: string | null;
  displayName: string | null;
  avatar: string | null;
  followersCount: number | null;
}

interface Common {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function registerApp(
  instanceUrl: string,
  options: Common & { redirectUris: string[]; scopes?: string; website?: string; clientName?: string },
): Promise<AppRegistration> {
  const { json } = await mastodonRequest({
    instanceUrl,
    path: '/api/v1/apps',
    method: 'POST',
    body: {
      client_name: options.clientName ?? APP_NAME,
      redirect_uris: options.redirectUris,
      scopes: options.scopes ?? DEFAULT_SCOPES,
      ...(options.website ? { website: options.website } : {}),
    },
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const app = parse(credentialApplicationSchema, json, 'app registration');
  return { clientId: app.client_id, clientSecret: app.client_secret };
}

/** A verifier of 43 base64url characters (256 random bits) and its S256 challenge. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeFor(verifier) };
}

export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An unguessable value the loopback listener checks, so a forged redirect is not accepted. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export function buildAuthorizeUrl(
  instanceUrl: string,
  options: { clientId: string; redirectUri: string; codeChallenge: string; state?: string; scopes?: string },
): string {
  const url = new URL('/oauth/authorize', instanceUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', options.scopes ?? DEFAULT_SCOPES);
  url.searchParams.set('code_challenge', options.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (options.state) url.searchParams.set('state', options.state);
  return url.toString();
}

export async function exchangeCode(
  instanceUrl: string,
  options: Common & { app: AppRegistration; code: string; redirectUri: string; codeVerifier: string; scopes?: string },
): Promise<{ accessToken: string; scope: string }> {
  const { json } = await mastodonRequest({
    instanceUrl,
    path: '/oauth/token',
    method: 'POST',
    body: {
      grant_type: 'authorization_code',
      code: options.code,
      client_id: options.app.clientId,
      client_secret: options.app.clientSecret,
      redirect_uri: options.redirectUri,
      code_verifier: options.codeVerifier,
    },
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  }).catch((error: unknown) => {
    // Doorkeeper answers a wrong, used or expired code (or verifier) with 400 invalid_grant.
    if (error instanceof ConnectorError && error.details.status === 400) {
      throw new ConnectorError('auth', `the authorization code was not accepted (${error.message})`, error.details);
    }
    throw error;
  });
  const token = parse(tokenSchema, json, 'token');
  return { accessToken: token.access_token, scope: token.scope ?? options.scopes ?? DEFAULT_SCOPES };
}

export async function verifyCredentials(instanceUrl: string, accessToken: string, options: Common = {}): Promise<MastodonAccountInfo> {
  const { json } = await mastodonRequest({
    instanceUrl,
    path: '/api/v1/accounts/verify_credentials',
    accessToken,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const a = parse(accountSchema, json, 'account');
  return {
    id: a.id,
    acct: a.acct,
    url: a.url ?? null,
    displayName: a.display_name ? a.display_name : null,
    avatar: a.avatar ?? null,
    followersCount: typeof a.followers_count === 'number' ? a.followers_count : null,
  };
}

/** Tells the instance to forget a token (when an account is removed). */
export async function revokeToken(instanceUrl: string, app: AppRegistration, accessToken: string, options: Common = {}): Promise<void> {
  await mastodonRequest({
    instanceUrl,
    path: '/oauth/revoke',
    method: 'POST',
    body: { client_id: app.clientId, client_secret: app.clientSecret, token: accessToken },
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}

function parse<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (!result.success) throw new ConnectorError('parse', `unexpected ${what} answer: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
