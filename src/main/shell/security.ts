import type { App, Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/**
 * The only webPreferences a Leitstand window gets. Most of these are Electron's defaults
 * already; they are spelled out so that a changed default or a careless edit shows up in
 * review and fails test/shell/window.test.ts.
 */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium fetches hunspell dictionaries from a Google CDN on Windows and Linux the first
    // time spellcheck runs. Turning it on (with de/en dictionaries) is a decision for the reply
    // composer, together with a preference the user can see.
    spellcheck: false,
  };
}

/**
 * True only for the renderer's own index.html as loaded by loadFile. Query and fragment are
 * ignored (the renderer may use the fragment for routing); everything else must match exactly,
 * so a file:// URL to any other local file is foreign too.
 */
export function createAppUrlMatcher(indexUrl: string): (url: string) => boolean {
  const expected = new URL(indexUrl);
  return (url: string) => {
    let actual: URL;
    try {
      actual = new URL(url);
    } catch {
      return false;
    }
    return (
      actual.protocol === 'file:' &&
      actual.host === expected.host &&
      decodeURIComponent(actual.pathname) === decodeURIComponent(expected.pathname)
    );
  };
}

/** Links the user may follow out of the app, into the system browser: http(s) and nothing else. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export interface ContentGuardOptions {
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<void>;
  log?: (message: string) => void;
}

const guarded = new WeakSet<WebContents>();

/**
 * Keeps a webContents on the app's own page: no navigation or redirect elsewhere, no new
 * windows, no <webview>. Links to the web open in the system browser instead. Idempotent, so
 * the window can apply it itself and the app-wide web-contents-created hook can apply it again.
 */
export function guardWebContents(contents: WebContents, options: ContentGuardOptions): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const log = options.log ?? ((message: string) => console.warn(message));

  const openOutside = (url: string): void => {
    if (!isExternalWebUrl(url)) {
      log(`[shell] refused to open ${describeUrl(url)}`);
      return;
    }
    options.openExternal(url).catch((error: unknown) => log(`[shell] could not open ${describeUrl(url)}: ${String(error)}`));
  };

  contents.on('will-navigate', (event) => {
    if (options.isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain <a href="https://..."> in a post is a link the user clicked; it belongs in the browser.
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (options.isAppUrl(event.url)) return;
    event.preventDefault();
  });
  // will-navigate only covers the main frame. CSP (frame-src 'none') already keeps frames out;
  // this is the second lock on the same door.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || options.isAppUrl(event.url)) return;
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Applies guardWebContents to every webContents the app ever creates, not only our window's. */
export function installContentGuards(app: Pick<App, 'on'>, options: ContentGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

/**
 * The session-wide half of the hardening. The CSP also sits in index.html as a <meta> tag
 * (file:// responses have no headers to set); the header covers any http(s) response the
 * session sees. Permissions are denied wholesale: nothing in Leitstand needs the camera,
 * location, notifications through the web API, and so on.
 */
export function installSessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('file:')) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSION_CHECKS.has(permission));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Checks are not requests: Chromium asks them synchronously for features that never prompt.
 * Writing plain text to the clipboard (a "copy link" button) is the one the UI may need.
 */
const ALLOWED_PERMISSION_CHECKS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Replaces any CSP the server sent (in whatever letter case), so exactly ours applies. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** URLs in logs: scheme and host only, since a path or query may carry a token. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}/…` : `a ${parsed.protocol} URL`;
  } catch {
    return 'an invalid URL';
  }
}
