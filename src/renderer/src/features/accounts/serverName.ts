/** The server as people name it: "bsky.social", "mastodon.social", "127.0.0.1:2583". */
export function serverName(serverUrl: string | null): string | null {
  if (!serverUrl) return null;
  try {
    return new URL(serverUrl).host || serverUrl;
  } catch {
    return serverUrl;
  }
}
