/**
 * Spreads a delay by ±fraction so streams with the same interval drift apart instead of
 * hitting one server in the same second forever. `random` returns [0, 1).
 */
export function jittered(ms: number, random: () => number, fraction: number): number {
  return Math.round(ms * (1 + fraction * (2 * random() - 1)));
}

/** Exponential backoff: base after the first failure, doubling each time, never above cap. */
export function backoffDelay(failures: number, baseMs: number, capMs: number): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** 1000 is Infinity, which Math.min handles; no overflow to worry about.
  return Math.min(capMs, baseMs * 2 ** exponent);
}
