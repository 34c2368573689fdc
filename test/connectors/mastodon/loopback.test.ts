import { describe, expect, it } from 'vitest';
import { startLoopbackListener } from '../../../src/main/core/connectors/mastodon/loopback';
import { rejection } from './helpers';

describe('one-shot loopback listener for the OAuth redirect', () => {
  it('listens on 127.0.0.1, ignores other paths and a wrong state, resolves with the code and closes', async () => {
    const listener = await startLoopbackListener({ state: 'expected-state' });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    expect((await fetch(new URL('/favicon.ico', listener.redirectUri))).status).toBe(404);
    const forged = await fetch(`${listener.redirectUri}?code=evil&state=other`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain('evil');
    const noState = await fetch(`${listener.redirectUri}?code=evil`);
    expect(noState.status).toBe(400);

    const ok = await fetch(`${listener.redirectUri}?code=the-code&state=expected-state`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
    await expect(listener.code).resolves.toBe('the-code');

    await listener.close();
    await expect(fetch(`${listener.redirectUri}?code=late&state=expected-state`)).rejects.toThrow();
  });

  it('rejects when the user denies, when cancelled, and when nobody comes back in time', async () => {
    const denied = await startLoopbackListener({ state: 's' });
    await fetch(`${denied.redirectUri}?error=access_denied&state=s`);
    expect(await rejection(denied.code)).toMatchObject({ kind: 'auth', message: expect.stringContaining('access_denied') });

    const controller = new AbortController();
    const cancelled = await startLoopbackListener({ state: 's', signal: controller.signal });
    controller.abort();
    expect(await rejection(cancelled.code)).toMatchObject({ kind: 'network', message: expect.stringContaining('cancelled') });

    const slow = await startLoopbackListener({ state: 's', timeoutMs: 50 });
    expect(await rejection(slow.code)).toMatchObject({ kind: 'timeout' });
    await Promise.all([denied.close(), cancelled.close(), slow.close()]);
  });
});
