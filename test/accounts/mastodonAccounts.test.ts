import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { approveInBrowser, readOobCode, useFakeMastodon } from '../fakes/mastodon';
import { MemoryVault } from '../support/memoryVault';
import { call, nextEvent } from '../support/core';
import { tempDir } from '../support/tempDir';

const fake = useFakeMastodon();
let core: Core | undefined;
afterEach(() => core?.close());

function start(oauthMode: 'paste' | 'loopback', openExternal?: (url: string) => Promise<void>) {
  const vault = new MemoryVault();
  const logged: string[] = [];
  core = createCore({ dataDir: tempDir(), appVersion: 'test', shell: 'headless', vault, oauthMode, openExternal, log: (m) => logged.push(m) });
  return { core, vault, logged };
}



describe('connecting a Mastodon account', () => {
  it('in a browser tab: the user pastes the code; the token goes to the keychain only; a home column polls', async () => {
    const { core: c, vault } = start('paste');
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const begun = await call<{ pendingId: string; authorizeUrl: string; mode: string }>(c, 'accounts.beginMastodon', {
      workspaceId,
      instanceUrl: fake().url,
    });
    expect(begun.mode).toBe('paste');
    expect(new URL(begun.authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');

    const wrong = await c.dispatcher.call('accounts.completeMastodon', { pendingId: begun.pendingId, code: 'not-the-code' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'code_rejected' } });

    // A wrong code ends that sign-in; the user starts again and pastes the right one.
    const again = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const code = await readOobCode(again.authorizeUrl);
    const account = await call<{ id: string; handle: string; status: string }>(c, 'accounts.completeMastodon', { pendingId: again.pendingId, code });
    expect(account).toMatchObject({ handle: expect.stringMatching(/^brand@127\.0\.0\.1:\d+$/), status: 'connected' });

    const stored = JSON.parse(vault.secrets.get(`${workspaceId}/${account.id}`)!);
    expect(stored).toMatchObject({ network: 'mastodon', instanceUrl: fake().url, accessToken: expect.any(String) });
    // The instance's own limits are kept with the account, for the composer.
    const row = c.store.db.prepare('SELECT server_limits FROM accounts WHERE id = ?').get(account.id) as { server_limits: string };
    expect(JSON.parse(row.server_limits)).toMatchObject({ source: 'v2', maxCharacters: expect.any(Number), charactersReservedPerUrl: expect.any(Number) });
    const dbBytes = JSON.stringify(c.store.db.prepare('SELECT * FROM accounts').all());
    expect(dbBytes).not.toContain(stored.accessToken);
    expect(dbBytes).not.toContain(stored.clientSecret);

    fake().state.post(fake().state.me, { content: '<p>Neue Öffnungszeiten ab Montag</p>' });
    const arrived = nextEvent(c, 'items.added');
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'mastodon', kind: 'home', accountId: account.id });
    expect(await arrived).toMatchObject({ streamId: stream.id, added: 1 });
    const page = await call<{ items: Array<{ text: string }> }>(c, 'items.page', { streamId: stream.id });
    expect(page.items.map((item) => item.text)).toEqual(['Neue Öffnungszeiten ab Montag']);
  });

  it('on the desktop: the answer comes back to a loopback port, without pasting', async () => {
    const { core: c } = start('loopback', async (url) => {
      await approveInBrowser(url);
    });
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Helsana' });
    const begun = await call<{ pendingId: string; mode: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    expect(begun.mode).toBe('loopback');
    expect(new URL(begun.authorizeUrl).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const account = await call<{ network: string }>(c, 'accounts.completeMastodon', { pendingId: begun.pendingId });
    expect(account.network).toBe('mastodon');
    expect((await call<{ accounts: unknown[] }>(c, 'accounts.list', { workspaceId })).accounts).toHaveLength(1);
  });

  it('marks the account "reconnect needed" when its token is revoked, keeping its column', async () => {
    const { core: c } = start('paste');
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const begun = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const account = await call<{ id: string }>(c, 'accounts.completeMastodon', { pendingId: begun.pendingId, code: await readOobCode(begun.authorizeUrl) });
    fake().revokeAllTokens();
    const marked = nextEvent(c, 'accounts.changed');
    // The account's hidden inbox source may hit the revoked token first: wait for the column's own poll.
    const columnMarked = nextEvent(c, 'poll.status', (p: { status: { state: string } }) => p.status.state === 'reconnect_needed');
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'mastodon', kind: 'notifications', accountId: account.id });
    expect(await marked).toMatchObject({ accounts: [{ id: account.id, status: 'reconnect_needed' }] });
    await columnMarked;
    const streams = await call<{ streams: Array<{ id: string; status: { state: string } }> }>(c, 'streams.list', { workspaceId });
    expect(streams.streams).toMatchObject([{ id: stream.id, status: { state: 'reconnect_needed' } }]);
  });

  it('reconnecting repairs the same account: new token, status connected, its columns poll again', async () => {
    const { core: c, vault } = start('paste');
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const first = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const account = await call<{ id: string }>(c, 'accounts.completeMastodon', { pendingId: first.pendingId, code: await readOobCode(first.authorizeUrl) });
    const oldToken = JSON.parse(vault.secrets.get(`${workspaceId}/${account.id}`)!).accessToken;
    fake().revokeAllTokens();
    const marked = nextEvent(c, 'accounts.changed', (p: { accounts: Array<{ status: string }> }) => p.accounts[0]?.status === 'reconnect_needed');
    const stream = await call<{ id: string }>(c, 'streams.add', { workspaceId, network: 'mastodon', kind: 'home', accountId: account.id });
    await marked;

    fake().state.post(fake().state.me, { content: '<p>Wieder da</p>' });
    const again = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url, accountId: account.id });
    const arrived = nextEvent(c, 'items.added', (p: { streamId: string }) => p.streamId === stream.id);
    const repaired = await call<{ id: string; status: string }>(c, 'accounts.completeMastodon', { pendingId: again.pendingId, code: await readOobCode(again.authorizeUrl) });
    expect(repaired).toMatchObject({ id: account.id, status: 'connected' });
    expect((await call<{ accounts: unknown[] }>(c, 'accounts.list', { workspaceId })).accounts).toHaveLength(1);
    expect(JSON.parse(vault.secrets.get(`${workspaceId}/${account.id}`)!).accessToken).not.toBe(oldToken);
    await arrived;
  });

  it('removing the account removes its columns and its secret', async () => {
    const { core: c, vault } = start('paste');
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const begun = await call<{ pendingId: string; authorizeUrl: string }>(c, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const account = await call<{ id: string }>(c, 'accounts.completeMastodon', { pendingId: begun.pendingId, code: await readOobCode(begun.authorizeUrl) });
    await call(c, 'streams.add', { workspaceId, network: 'mastodon', kind: 'home', accountId: account.id });
    await call(c, 'streams.add', { workspaceId, network: 'feed', kind: 'feed', query: 'http://127.0.0.1:9/feed.xml' });
    await call(c, 'accounts.remove', { id: account.id });
    expect(vault.secrets.size).toBe(0);
    const streams = await call<{ streams: Array<{ network: string }> }>(c, 'streams.list', { workspaceId });
    expect(streams.streams.map((s) => s.network)).toEqual(['feed']);
  });

  it('says clearly when the instance cannot be reached', async () => {
    const { core: c } = start('paste');
    const { id: workspaceId } = await call<{ id: string }>(c, 'workspaces.create', { name: 'Migros' });
    const outcome = await c.dispatcher.call('accounts.beginMastodon', { workspaceId, instanceUrl: 'http://127.0.0.1:9' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'remote_unreachable' } });
  });
});
