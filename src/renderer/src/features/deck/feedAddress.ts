/** "example.com/blog" means https://example.com/blog; anything but http(s) is refused. */
export function normalizeFeedAddress(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  // "localhost:8080/feed" has no scheme; "javascript:…" and "ftp://…" have one (and are refused).
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /^(?:javascript|data|mailto|about|blob|file|vbscript):/i.test(trimmed);
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
