import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security/csp';
import {
  createAppUrlMatcher,
  guardWebContents,
  installContentGuards,
  installSessionSecurity,
  isExternalWebUrl,
} from '../../src/main/shell/security';
import { appPaths } from '../../src/main/shell/paths';
import { FakeNavigationEvent, FakeWebContents, fakeSession } from './fakes';

// The real package would try to download the Electron binary; nothing here may load it.
vi.mock('electron', () => ({}));

const paths = appPaths('/opt/Leitstand/resources/app.asar/out/main');
const isAppUrl = createAppUrlMatcher(paths.indexUrl);

function guarded() {
  const contents = new FakeWebContents(paths.indexUrl);
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn();
  guardWebContents(contents as unknown as WebContents, { isAppUrl, openExternal, log });
  return { contents, openExternal, log };
}

describe('the app URL', () => {
  it('is the renderer index.html as a file URL, with or without fragment and query', () => {
    expect(paths.indexUrl).toBe('file:///opt/Leitstand/resources/app.asar/out/renderer/index.html');
    expect(isAppUrl(paths.indexUrl)).toBe(true);
    expect(isAppUrl(`${paths.indexUrl}#/workspaces`)).toBe(true);
    expect(isAppUrl(`${paths.indexUrl}?lang=de`)).toBe(true);
  });

  it('is nothing else: other files, other schemes, look-alikes', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/Leitstand/resources/app.asar/out/renderer/other.html',
      'file:///opt/Leitstand/resources/app.asar/out/renderer/index.html.evil',
      'file://attacker.example/opt/Leitstand/resources/app.asar/out/renderer/index.html',
      'https://example.com/opt/Leitstand/resources/app.asar/out/renderer/index.html',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isExternalWebUrl', () => {
  it('accepts http and https only', () => {
    expect(isExternalWebUrl('https://bsky.app/profile/x')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'leitstand://x', 'ms-settings:', 'data:text/html,x', 'https:']) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});

describe('navigation guards', () => {
  it('prevents will-navigate to a foreign URL and opens web links in the browser', () => {
    const { contents, openExternal } = guarded();
    const event = new FakeNavigationEvent('https://evil.example/phish');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/phish');
  });

  it('prevents will-navigate to other local files without opening them anywhere', () => {
    const { contents, openExternal } = guarded();
    const event = new FakeNavigationEvent('file:///etc/passwd');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it("lets will-navigate to the app's own file URL through", () => {
    const { contents, openExternal } = guarded();
    const event = new FakeNavigationEvent(`${paths.indexUrl}#/settings`);
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents will-redirect to a foreign URL, and does not open redirects externally', () => {
    const { contents, openExternal } = guarded();
    const foreign = new FakeNavigationEvent('https://evil.example/');
    contents.emit('will-redirect', foreign);
    expect(foreign.defaultPrevented).toBe(true);
    const own = new FakeNavigationEvent(paths.indexUrl);
    contents.emit('will-redirect', own);
    expect(own.defaultPrevented).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents sub-frame navigation away from the app', () => {
    const { contents } = guarded();
    const sub = new FakeNavigationEvent('https://evil.example/', false);
    contents.emit('will-frame-navigate', sub);
    expect(sub.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only http(s) URLs externally', () => {
    const { contents, openExternal } = guarded();
    const handler = contents.windowOpenHandler!;
    expect(handler).toBeTypeOf('function');
    const urls = [
      'https://example.com/a',
      'http://example.com/b',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'leitstand://anything',
      'smb://server/share',
      paths.indexUrl,
      '',
    ];
    for (const url of urls) expect(handler({ url })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/a', 'http://example.com/b']);
  });

  it('blocks <webview> attachment', () => {
    const { contents } = guarded();
    const event = new FakeNavigationEvent('');
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards a webContents only once, so a link never opens twice', () => {
    const { contents, openExternal } = guarded();
    guardWebContents(contents as unknown as WebContents, { isAppUrl, openExternal });
    contents.emit('will-navigate', new FakeNavigationEvent('https://example.com/'));
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('applies the same guards to every webContents through web-contents-created', () => {
    const app = new EventEmitter();
    const openExternal = vi.fn(async () => {});
    installContentGuards(app as unknown as App, { isAppUrl, openExternal });
    const other = new FakeWebContents('about:blank');
    app.emit('web-contents-created', {}, other);

    const webview = new FakeNavigationEvent('');
    other.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    const nav = new FakeNavigationEvent('https://evil.example/');
    other.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('session security', () => {
  function installed() {
    const session = fakeSession();
    installSessionSecurity(session as unknown as Session);
    return session;
  }

  it('adds CONTENT_SECURITY_POLICY as a header to http(s) responses, replacing any other CSP', () => {
    const session = installed();
    const callback = vi.fn();
    session.headersListener!(
      {
        url: 'https://cdn.example/avatar.png',
        responseHeaders: { 'content-type': ['image/png'], 'content-security-policy': ["default-src *"] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledTimes(1);
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-type']).toEqual(['image/png']);
    const cspHeaders = Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toEqual(['Content-Security-Policy']);
  });

  it('leaves file responses alone (the CSP meta tag covers them)', () => {
    const session = installed();
    const callback = vi.fn();
    session.headersListener!({ url: 'file:///opt/Leitstand/out/renderer/index.html' }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('denies every permission request', () => {
    const session = installed();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheckHandler!({}, 'media')).toBe(false);
    expect(session.permissionCheckHandler!({}, 'clipboard-read')).toBe(false);
    expect(session.deviceHandler!()).toBe(false);
  });
});
