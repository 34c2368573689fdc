import type { Page } from '@playwright/test';

/** Event to the DOM showing the outcome, and to the end of the next frame's rendering work, ms. */
export interface ClockReading {
  dom: number;
  painted: number;
}

export interface ClockOptions<E> {
  /** The event that starts the clock, heard while capturing (before the app's own listeners). */
  event: 'click' | 'keydown';
  starts(event: E): boolean;
  /** Whether the DOM shows the outcome; checked on every mutation. */
  shown(): boolean;
  timeoutMs: number;
  timeoutMessage: string;
}

/** What the page functions find once installPageClock ran. */
export interface PageClock {
  __benchClock?: <E>(options: ClockOptions<E>) => Promise<ClockReading>;
}

/** The little of the DOM the clock uses (the benchmark's TypeScript has no DOM library). */
interface ClockGlobals {
  document: {
    body: unknown;
    addEventListener(type: string, listener: (event: never) => void, capture: boolean): void;
    removeEventListener(type: string, listener: (event: never) => void, capture: boolean): void;
  };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(value: number): void } };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void; disconnect(): void };
}

/**
 * Installs window.__benchClock in the page: armed before the user's action, it runs from the first
 * event that `starts` (a capturing listener, before the app's own) to the DOM `shown` (checked on
 * each mutation), and on to the end of the next frame's rendering work (a message posted from
 * requestAnimationFrame runs as a task after the frame's rendering steps).
 */
export async function installPageClock(page: Page): Promise<void> {
  // On every document the page loads, before the app's scripts.
  await page.addInitScript(() => {
    const win = globalThis as unknown as ClockGlobals & PageClock;
    const { document, performance } = win;
    win.__benchClock = <E>({ event, starts, shown, timeoutMs, timeoutMessage }: ClockOptions<E>) =>
      new Promise<ClockReading>((resolve, reject) => {
        let start: number | null = null;
        let done = false;
        const onEvent = (happened: E) => {
          if (start === null && starts(happened)) {
            start = performance.now();
            check();
          }
        };
        const observer = new win.MutationObserver(() => check());
        const timer = win.setTimeout(() => finish(new Error(timeoutMessage)), timeoutMs);
        function finish(outcome: ClockReading | Error) {
          done = true;
          observer.disconnect();
          win.clearTimeout(timer);
          document.removeEventListener(event, onEvent, true);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        }
        function check() {
          if (done || start === null || !shown()) return;
          done = true;
          const dom = performance.now() - start;
          const begun = start;
          win.requestAnimationFrame(() => {
            const channel = new win.MessageChannel();
            channel.port1.onmessage = () => finish({ dom, painted: performance.now() - begun });
            channel.port2.postMessage(0);
          });
        }
        document.addEventListener(event, onEvent, true);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
  });
}
