/** The aggregates' grid: UTC hours and UTC days, as epoch milliseconds. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * The same floors in SQL. Integer division truncates towards zero, which is wrong before 1970;
 * a post dated 1969 by a broken feed must land in the same bucket here as in JavaScript.
 */
export function sqlFloor(column: string, unit: number): string {
  return `(${column} - ((${column} % ${unit}) + ${unit}) % ${unit})`;
}
