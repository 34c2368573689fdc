import type { BestTimes } from '../../../../shared/contract/planner';

export type HeatCell = BestTimes['cells'][number];

/** Six steps of colour (classes heat--0 … heat--5), so the heatmap is styled by the stylesheet, not inline. */
export function heatLevel(score: number): number {
  return Math.max(0, Math.min(5, Math.round(score * 5)));
}

/** The 7×24 cells as rows per weekday (Monday first), each row by hour; missing cells count as 0. */
export function heatRows(cells: readonly HeatCell[]): HeatCell[][] {
  const rows: HeatCell[][] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const row: HeatCell[] = [];
    for (let hour = 0; hour < 24; hour += 1) row.push(cells.find((c) => c.weekday === weekday && c.hour === hour) ?? { weekday, hour, score: 0, posts: 0 });
    rows.push(row);
  }
  return rows;
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
