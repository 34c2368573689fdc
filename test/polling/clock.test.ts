import { describe, expect, it } from 'vitest';
import { systemClock, watchForWake } from '../../src/main/core/polling/clock';
import { FakeClock } from './fakes';

describe('wake detection', () => {
  it('fires when the wall clock ran far ahead of the monotonic clock (a sleep)', async () => {
    const clock = new FakeClock();
    const gaps: number[] = [];
    const stop = watchForWake(clock, { checkMs: 1_000, jumpMs: 30_000 }, (gap) => gaps.push(gap));
    await clock.advance(60_000);
    expect(gaps).toEqual([]);
    clock.jumpWall(8 * 60 * 60_000);
    await clock.advance(1_000);
    expect(gaps).toEqual([8 * 60 * 60_000]);
    await clock.advance(60_000);
    expect(gaps).toHaveLength(1);
    stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('ignores small drift and clocks set backwards', async () => {
    const clock = new FakeClock();
    const gaps: number[] = [];
    watchForWake(clock, { checkMs: 1_000, jumpMs: 30_000 }, (gap) => gaps.push(gap));
    clock.jumpWall(20_000);
    await clock.advance(1_000);
    clock.jumpWall(-3_600_000);
    await clock.advance(1_000);
    expect(gaps).toEqual([]);
  });

  it('fires when a tick comes far too late (a monotonic clock that counts sleep, or a frozen loop)', async () => {
    const clock = new FakeClock();
    const gaps: number[] = [];
    watchForWake(clock, { checkMs: 1_000, jumpMs: 30_000 }, (gap) => gaps.push(gap));
    // Nothing runs for 10 minutes although a tick was due after one second.
    clock.mono += 600_000;
    clock.wall += 600_000;
    await clock.advance(0);
    expect(gaps).toEqual([599_000]);
  });

  it('the system clock gives a monotonic and a wall time and unref’d timers', async () => {
    const start = systemClock.monotonic();
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1_000);
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    expect(systemClock.monotonic()).toBeGreaterThan(start);
    const handle = systemClock.setTimeout(() => {
      throw new Error('cleared timers never fire');
    }, 1);
    systemClock.clearTimeout(handle);
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
});
