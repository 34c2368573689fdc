/**
 * Mastodon ids are opaque strings that sort by age: decimal snowflakes on Mastodon, fixed-width
 * base62 flake ids on Pleroma and Akkoma. Decimal ids of different lengths compare by length first
 * (a plain string compare would put "99" after "100"); anything else compares as text.
 */
export function compareIds(a: string, b: string): number {
  const decimal = /^\d+$/;
  if (decimal.test(a) && decimal.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The newest of some ids, or null when there are none. */
export function newestId(ids: Iterable<string>): string | null {
  let newest: string | null = null;
  for (const id of ids) if (newest === null || compareIds(id, newest) > 0) newest = id;
  return newest;
}
