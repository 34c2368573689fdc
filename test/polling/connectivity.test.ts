import { describe, expect, it } from 'vitest';
import { alwaysOnline, ConnectivityMonitor } from '../../src/main/core/polling/connectivity';
import { FakeClock } from './fakes';

describe('connectivity', () => {
  it('alwaysOnline is online and never changes', () => {
    expect(alwaysOnline.isOnline()).toBe(true);
    expect(typeof alwaysOnline.subscribe(() => {})).toBe('function');
  });

  it('probes on a timer, faster while offline, and tells listeners about changes only', async () => {
    const clock = new FakeClock();
    let reachable = true;
    let probes = 0;
    const monitor = new ConnectivityMonitor({
      clock,
      onlineIntervalMs: 30_000,
      offlineIntervalMs: 5_000,
      probe: async () => {
        probes += 1;
        return reachable;
      },
    });
    const heard: boolean[] = [];
    monitor.subscribe((online) => heard.push(online));
    monitor.start();
    await clock.advance(60_000);
    expect(probes).toBe(3);
    expect(heard).toEqual([]);
    reachable = false;
    await clock.advance(30_000);
    expect(monitor.isOnline()).toBe(false);
    await clock.advance(10_000);
    expect(probes).toBe(6);
    reachable = true;
    monitor.check(); // the poller's hint: probe now
    await clock.advance(0);
    expect(heard).toEqual([false, true]);
    monitor.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts a probe that throws, rejects or hangs as offline', async () => {
    const clock = new FakeClock();
    for (const probe of [
      () => {
        throw new Error('sync');
      },
      () => Promise.reject(new Error('async')),
      (signal: AbortSignal) => new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(true))),
    ]) {
      const monitor = new ConnectivityMonitor({ clock, probe, probeTimeoutMs: 1_000 });
      monitor.start();
      await clock.advance(1_000);
      expect(monitor.isOnline()).toBe(false);
      monitor.stop();
    }
  });

  it('takes pushed state from set()', () => {
    const monitor = new ConnectivityMonitor();
    const heard: boolean[] = [];
    const unsubscribe = monitor.subscribe((online) => heard.push(online));
    monitor.set(false);
    monitor.set(false);
    monitor.set(true);
    unsubscribe();
    monitor.set(false);
    expect(heard).toEqual([false, true]);
  });
});
