import { BRIDGE_PATH, TOKEN_PARAM } from '../../../shared/contract/wire';

const STORAGE_KEY = 'leitstand.bridgeToken';

/**
 * Reads the host's access token. It arrives in the URL fragment (`#token=…`, never sent to a
 * server); it is kept in sessionStorage so that a reload of this tab still works, and removed
 * from the address bar so that it is not bookmarked or shared by accident.
 */
export function takeBridgeToken(
  location: Location = window.location,
  history: History = window.history,
  storage: Storage | null = safeSessionStorage(),
): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get(TOKEN_PARAM);
  if (fromFragment) {
    try {
      storage?.setItem(STORAGE_KEY, fromFragment);
    } catch {
      // Storage full or disabled: the token still works for this page view.
    }
    fragment.delete(TOKEN_PARAM);
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromFragment;
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** True when the fragment carries a token (a newly opened host URL in an already open tab). */
export function fragmentHasToken(location: Location = window.location): boolean {
  return new URLSearchParams(location.hash.replace(/^#/, '')).has(TOKEN_PARAM);
}

/** ws://<this page's host>/api?token=…, or wss:// when the page itself came over https. */
export function bridgeUrl(token: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${BRIDGE_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
