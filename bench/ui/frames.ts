import type { Page } from '@playwright/test';
import type { PageGlobals } from './pageGlobals';

export interface FrameSamples {
  /** Time between consecutive frames (requestAnimationFrame timestamps), ms. */
  intervals: number[];
  /**
   * Per frame: from the frame's start (its requestAnimationFrame timestamp, the vsync it was
   * made for) to the end of the main thread's work for it (scroll handlers, React, style,
   * layout, paint and commit), taken by a message posted from requestAnimationFrame, which
   * runs as a task after the frame's rendering steps. An upper bound: tasks queued before the
   * message (React's passive effects, socket messages) count too. ms.
   */
  work: number[];
  /** How far the column actually scrolled, down and back up, px. */
  scrolledPx: number;
  /** Cards rendered in the column at the end (the virtualizer keeps this small). */
  renderedRows: number;
}

/**
 * Scrolls column `index` the way a user flicks through it: `pxPerFrame` every frame, down for
 * `downShare` of `durationMs`, then back up, while recording every frame. The scrolling is
 * driven from requestAnimationFrame in the page (main-thread scrolling, which makes the page's
 * work per frame count in full), and every frame is accounted for.
 */
export async function scrollColumn(
  page: Page,
  index: number,
  { durationMs, pxPerFrame, downShare = 0.75 }: { durationMs: number; pxPerFrame: number; downShare?: number },
): Promise<FrameSamples> {
  return page.evaluate(
    async ({ index, durationMs, pxPerFrame, downShare }) => {
      const { document, performance, requestAnimationFrame, setTimeout, MessageChannel } = globalThis as unknown as PageGlobals;
      const column = document.querySelectorAll('section[data-column-id]')[index];
      const scroller = column?.querySelector('.column__scroll');
      if (!column || !scroller) throw new Error(`There is no column ${index}.`);
      column.scrollIntoView({ block: 'nearest', inline: 'start', behavior: 'instant' });
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < 10; i++) await nextFrame();

      return new Promise<{ intervals: number[]; work: number[]; scrolledPx: number; renderedRows: number }>((resolve) => {
        const stamps: number[] = [];
        const work: number[] = [];
        let scrolledPx = 0;
        let lastTop = scroller.scrollTop;
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => {
          work.push(performance.now() - event.data);
          const top = scroller.scrollTop;
          scrolledPx += Math.abs(top - lastTop);
          lastTop = top;
        };
        let start = -1;
        const step = (timestamp: number) => {
          if (start < 0) start = timestamp;
          stamps.push(timestamp);
          channel.port2.postMessage(timestamp);
          const elapsed = timestamp - start;
          if (elapsed >= durationMs) {
            setTimeout(() => {
              channel.port1.close();
              resolve({
                intervals: stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)),
                work,
                scrolledPx,
                renderedRows: scroller.querySelectorAll('article[data-item-id]').length,
              });
            }, 100);
            return;
          }
          scroller.scrollBy({ top: (elapsed < durationMs * downShare ? 1 : -1) * pxPerFrame, behavior: 'instant' });
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
    },
    { index, durationMs, pxPerFrame, downShare },
  );
}

/** Frame intervals of the page doing nothing, to see the display rate Chromium runs at. */
export async function idleFrameIntervals(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (frames) =>
      new Promise<number[]>((resolve) => {
        const { requestAnimationFrame } = globalThis as unknown as PageGlobals;
        const stamps: number[] = [];
        const step = (timestamp: number) => {
          stamps.push(timestamp);
          if (stamps.length > frames) resolve(stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

/**
 * The display's frame period, from idle frames: requestAnimationFrame timestamps are the vsync
 * each frame was made for, but Chromium coarsens them to 0.1 ms with random jitter (a timing
 * side-channel defence), so one interval reads 16.6, 16.7 or 16.8 at 60 Hz. The mean of the
 * intervals near the median recovers the period.
 */
export function framePeriod(idleIntervals: number[]): number {
  const sorted = [...idleIntervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 1000 / 60;
  const near = sorted.filter((interval) => Math.abs(interval - median) < median / 4);
  return near.reduce((sum, interval) => sum + interval, 0) / near.length;
}

/**
 * Frame times as whole frame periods: an interval of one period is a frame on time, two is one
 * dropped frame, and so on. This removes only the timestamp coarsening (±0.1 ms), never a late
 * frame, which is a whole period or more.
 */
export function inFramePeriods(intervals: number[], period: number): number[] {
  return intervals.map((interval) => Math.max(1, Math.round(interval / period)) * period);
}
