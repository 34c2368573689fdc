import type { Browser } from '@playwright/test';

export interface PipelineFrames {
  /** Frames the compositor made and showed. */
  presented: number;
  /** Frames it began but dropped (too late, or lost to a newer one). */
  dropped: number;
  /** From each presented frame's begin to its presentation, ms. */
  latencies: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  id2?: { local?: string };
  args?: { frame_reporter?: { state?: string; frame_type?: string } };
}

/**
 * Runs `during` under a Chromium trace of the compositor's own frame reports (PipelineReporter,
 * what Chrome's smoothness metrics count), to check what requestAnimationFrame says against
 * what was actually drawn: every frame begun, and whether it was presented or dropped.
 */
export async function tracePipeline<T>(browser: Browser, during: () => Promise<T>): Promise<{ result: T; frames: PipelineFrames }> {
  const session = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline.frame'], excludedCategories: ['*'] },
  });
  let result: T;
  try {
    result = await during();
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
  }

  const reports = events.filter((event) => event.name === 'PipelineReporter').sort((a, b) => a.ts - b.ts);
  const open = new Map<string, TraceEvent[]>();
  const frames: PipelineFrames = { presented: 0, dropped: 0, latencies: [] };
  for (const event of reports) {
    const key = `${event.pid}:${event.id2?.local ?? ''}`;
    if (event.ph === 'b') {
      open.set(key, [...(open.get(key) ?? []), event]);
      continue;
    }
    if (event.ph !== 'e') continue;
    const begin = open.get(key)?.shift();
    const report = begin?.args?.frame_reporter;
    // A forked report stands beside the frame it forked from; count each frame once.
    if (!begin || !report || report.frame_type === 'FORKED') continue;
    if (report.state === 'STATE_PRESENTED_ALL' || report.state === 'STATE_PRESENTED_PARTIAL') {
      frames.presented++;
      frames.latencies.push((event.ts - begin.ts) / 1000);
    } else if (report.state === 'STATE_DROPPED') {
      frames.dropped++;
    }
  }
  return { result, frames };
}
