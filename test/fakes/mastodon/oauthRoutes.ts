import { createHash, randomBytes } from 'node:crypto';
import type { Handler, Reply } from './server';

/**
 * App registration and Doorkeeper's OAuth endpoints as Mastodon runs them: exact redirect URI
 * match, PKCE S256, single-use codes, `invalid_grant` for a wrong code, redirect or verifier.
 * The authorization page is skipped: the fake's user approves (or denies, see `authorization`) at
 * once. For `urn:ietf:wg:oauth:2.0:oob` the code is shown on a page in an `oauth-code` input as
 * Mastodon does (Mastodon first redirects to /oauth/authorize/native, which the API document does
 * not describe; the fake shows the page directly).
 */
export const OOB = 'urn:ietf:wg:oauth:2.0:oob';

export interface OAuthStore {
  apps: Map<string, { clientSecret: string; redirectUris: string[]; scopes: string[] }>;
  codes: Map<string, { clientId: string; redirectUri: string; challenge: string | null; scope: string; used: boolean }>;
  tokens: Map<string, { accountId: string; clientId: string | null; scope: string; revoked: boolean }>;
}

const random = () => randomBytes(24).toString('base64url');
const error = (status: number, code: string, description?: string): Reply => ({
  status,
  json: description ? { error: code, error_description: description } : { error: code },
});

const createApp: Handler = ({ fake, body }) => {
  const uris = Array.isArray(body.redirect_uris) ? (body.redirect_uris as string[]) : [];
  if (uris.length === 0 || uris.some((u) => u !== OOB && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(u))) {
    return error(422, 'Validation failed: Redirect URI must be an absolute URI.');
  }
  const scopes = String(body.scopes ?? 'read').split(/\s+/).filter(Boolean);
  const clientId = random();
  const clientSecret = random();
  fake.oauth.apps.set(clientId, { clientSecret, redirectUris: uris, scopes });
  return {
    status: 200,
    json: {
      id: String(fake.oauth.apps.size),
      name: String(body.client_name),
      website: typeof body.website === 'string' ? body.website : null,
      scopes,
      redirect_uri: uris.join('\n'),
      redirect_uris: uris,
      client_id: clientId,
      client_secret: clientSecret,
      client_secret_expires_at: 0,
      vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
    },
  };
};

const authorize: Handler = ({ fake, query }) => {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const app = fake.oauth.apps.get(clientId);
  if (!app) return error(400, 'invalid_client', 'Client authentication failed due to unknown client.');
  if (!app.redirectUris.includes(redirectUri)) return error(400, 'invalid_redirect_uri', 'The requested redirect uri is malformed or doesn\'t match client redirect URI.');
  if (query.get('response_type') !== 'code') return error(400, 'unsupported_response_type');
  const scope = query.get('scope') ?? 'read';
  if (!scope.split(/\s+/).every((s) => app.scopes.includes(s))) return error(400, 'invalid_scope');
  const challenge = query.get('code_challenge');
  if (challenge && query.get('code_challenge_method') !== 'S256') return error(400, 'invalid_request', 'Only S256 is supported.');
  const state = query.get('state');
  const back = (params: Record<string, string>): Reply => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries({ ...params, ...(state ? { state } : {}) })) target.searchParams.set(k, v);
    return { status: 302, headers: { Location: target.toString() } };
  };
  if (fake.authorization === 'deny') {
    if (redirectUri === OOB) return { status: 200, html: '<p>Authorization denied.</p>' };
    return back({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.' });
  }
  const code = random();
  fake.oauth.codes.set(code, { clientId, redirectUri, challenge, scope, used: false });
  if (redirectUri === OOB) {
    return { status: 200, html: `<!doctype html><p>Copy this authorization code and paste it to the application.</p><input class="oauth-code" readonly type="text" value="${code}">` };
  }
  return back({ code });
};

const token: Handler = ({ fake, body }) => {
  const app = fake.oauth.apps.get(String(body.client_id ?? ''));
  if (!app || app.clientSecret !== body.client_secret) return error(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
  if (body.grant_type !== 'authorization_code') return error(400, 'unsupported_grant_type');
  const invalid = error(400, 'invalid_grant', 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.');
  const grant = fake.oauth.codes.get(String(body.code ?? ''));
  if (!grant || grant.used || grant.clientId !== body.client_id || grant.redirectUri !== body.redirect_uri) return invalid;
  if (grant.challenge !== null) {
    const verifier = typeof body.code_verifier === 'string' ? body.code_verifier : '';
    if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return invalid;
  }
  grant.used = true;
  const accessToken = random();
  fake.oauth.tokens.set(accessToken, { accountId: fake.state.me.id, clientId: String(body.client_id), scope: grant.scope, revoked: false });
  return { status: 200, json: { access_token: accessToken, token_type: 'Bearer', scope: grant.scope, created_at: Math.floor(Date.now() / 1000) } };
};

const revoke: Handler = ({ fake, body }) => {
  const app = fake.oauth.apps.get(String(body.client_id ?? ''));
  if (!app || app.clientSecret !== body.client_secret) return error(403, 'unauthorized_client');
  const entry = fake.oauth.tokens.get(String(body.token ?? ''));
  // RFC 7009: an unknown token is not an error.
  if (entry && entry.clientId === body.client_id) entry.revoked = true;
  return { status: 200, json: {} };
};

export const oauthRoutes: Record<string, Handler> = {
  'POST /api/v1/apps': createApp,
  'GET /oauth/authorize': authorize,
  'POST /oauth/token': token,
  'POST /oauth/revoke': revoke,
};
