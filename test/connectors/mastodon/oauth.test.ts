import { describe, expect, it } from 'vitest';
import { beginOob, completeOob, connectWithLoopback } from '../../../src/main/core/connectors/mastodon/connect';
import {
  buildAuthorizeUrl,
  challengeFor,
  createPkce,
  exchangeCode,
  OOB_REDIRECT_URI,
  registerApp,
  revokeToken,
  verifyCredentials,
} from '../../../src/main/core/connectors/mastodon/oauth';
import { approveInBrowser, readOobCode, useFakeMastodon } from '../../fakes/mastodon';
import { rejection } from './helpers';

describe('Mastodon OAuth 2 with PKCE against the fake instance', () => {
  const fake = useFakeMastodon();

  it('connects through a loopback redirect: app, authorize (S256, state), token, verify_credentials', async () => {
    let authorizeUrl = '';
    let browser: { status: number; page: string } | null = null;
    const connection = await connectWithLoopback({
      instanceUrl: fake().url,
      website: 'https://leitstand.invalid',
      openUrl: async (url) => {
        authorizeUrl = url;
        browser = await approveInBrowser(url);
      },
    });

    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(params.get('scope')).toBe('read write');
    expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(browser).toMatchObject({ status: 200, page: expect.stringContaining('connected') });

    expect(connection.instanceUrl).toBe(fake().url);
    expect(connection.scope).toBe('read write');
    expect(connection.account).toEqual({
      id: fake().state.me.id,
      acct: 'brand',
      url: `${fake().url}/@brand`,
      displayName: 'Brand Team',
      avatar: expect.stringMatching(/^http:\/\/127\.0\.0\.1/),
      followersCount: 1200,
    });
    expect(fake().oauth.tokens.get(connection.accessToken)).toMatchObject({ revoked: false, scope: 'read write' });
    // The app was registered with exactly the listener's redirect URI.
    expect(fake().oauth.apps.get(connection.client.clientId)?.redirectUris).toEqual([params.get('redirect_uri')]);
    expect(fake().log.map((e) => `${e.method} ${e.url.split('?')[0]} ${e.status}`)).toEqual([
      'POST /api/v1/apps 200',
      'GET /oauth/authorize 302',
      'POST /oauth/token 200',
      'GET /api/v1/accounts/verify_credentials 200',
    ]);
  });

  it('connects out of band: the user pastes the code the instance shows', async () => {
    const pending = await beginOob({ instanceUrl: `${fake().url}/` });
    expect(new URL(pending.authorizeUrl).searchParams.get('redirect_uri')).toBe(OOB_REDIRECT_URI);
    expect(new URL(pending.authorizeUrl).searchParams.get('code_challenge')).toBe(challengeFor(pending.codeVerifier));

    const code = await readOobCode(pending.authorizeUrl);
    const connection = await completeOob(pending, `  ${code}\n`);
    expect(connection.account.acct).toBe('brand');
    expect(fake().oauth.tokens.has(connection.accessToken)).toBe(true);
  });

  it('is refused with a wrong PKCE verifier (invalid_grant -> auth), and a code works only once', async () => {
    const url = fake().url;
    const app = await registerApp(url, { redirectUris: [OOB_REDIRECT_URI] });
    const pkce = createPkce();
    const code = await readOobCode(buildAuthorizeUrl(url, { clientId: app.clientId, redirectUri: OOB_REDIRECT_URI, codeChallenge: pkce.challenge }));

    const wrong = await rejection(exchangeCode(url, { app, code, redirectUri: OOB_REDIRECT_URI, codeVerifier: createPkce().verifier }));
    expect(wrong).toMatchObject({ kind: 'auth', details: { status: 400 } });
    expect(wrong.message).toMatch(/invalid_grant/);

    const token = await exchangeCode(url, { app, code, redirectUri: OOB_REDIRECT_URI, codeVerifier: pkce.verifier });
    expect(token.accessToken).toBeTruthy();
    expect(await rejection(exchangeCode(url, { app, code, redirectUri: OOB_REDIRECT_URI, codeVerifier: pkce.verifier }))).toMatchObject({ kind: 'auth' });
  });

  it('reports a denied authorization as auth', async () => {
    fake().authorization = 'deny';
    const error = await rejection(connectWithLoopback({ instanceUrl: fake().url, openUrl: (url) => void approveInBrowser(url) }));
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringContaining('access_denied') });
  });

  it('a revoked token no longer verifies (auth: reconnect needed)', async () => {
    const pending = await beginOob({ instanceUrl: fake().url });
    const connection = await completeOob(pending, await readOobCode(pending.authorizeUrl));
    await revokeToken(connection.instanceUrl, connection.client, connection.accessToken);
    expect(await rejection(verifyCredentials(connection.instanceUrl, connection.accessToken))).toMatchObject({
      kind: 'auth',
      details: { status: 401 },
    });
  });
});
