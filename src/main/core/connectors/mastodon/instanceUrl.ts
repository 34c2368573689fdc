/**
 * The origin of an instance as the user typed it: "mastodon.social", "https://mastodon.social/",
 * "https://mastodon.social/@someone" all become "https://mastodon.social". A bare host gets https;
 * http is kept when asked for explicitly (a local or test instance).
 */
export function normalizeInstanceUrl(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new TypeError('An instance URL is required');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError(`Not an instance URL: ${trimmed}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Not an instance URL: ${trimmed}`);
  return url.origin;
}
