import os from 'node:os';
import { systemClock, type Clock, type TimerHandle } from './clock';

/**
 * Whether the network is reachable. The poller starts no poll while offline, aborts the ones in
 * flight when the state turns offline, and polls every due stream when it turns online again.
 */
export interface Connectivity {
  isOnline(): boolean;
  /** `listener` is called on every change; returns the function that unsubscribes. */
  subscribe(listener: (online: boolean) => void): () => void;
  /** A hint from the poller: a poll failed like a lost network would fail; re-check soon. */
  check?(): void;
}

/** The default: never offline. Loopback servers (tests, dev networks) work without any network. */
export const alwaysOnline: Connectivity = {
  isOnline: () => true,
  subscribe: () => () => {},
};

/** Answers whether the network is reachable. Rejections and timeouts count as offline. */
export type ConnectivityProbe = (signal: AbortSignal) => Promise<boolean>;

export interface ConnectivityMonitorOptions {
  /** Without a probe the state only changes through set() (push sources such as Electron's net module). */
  probe?: ConnectivityProbe;
  clock?: Clock;
  /** Probe this often while online... */
  onlineIntervalMs?: number;
  /** ...and this often while offline, so we notice the way back quickly. */
  offlineIntervalMs?: number;
  probeTimeoutMs?: number;
  initiallyOnline?: boolean;
}

/** Online/offline state from a probe run on a timer, from push notifications via set(), or both. */
export class ConnectivityMonitor implements Connectivity {
  private online: boolean;
  private readonly listeners = new Set<(online: boolean) => void>();
  private readonly clock: Clock;
  private timer: TimerHandle | null = null;
  private probing = false;
  private running = false;

  constructor(private readonly options: ConnectivityMonitorOptions = {}) {
    this.online = options.initiallyOnline ?? true;
    this.clock = options.clock ?? systemClock;
  }

  isOnline(): boolean {
    return this.online;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Set the state from a push source (OS network events); listeners hear only real changes. */
  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of [...this.listeners]) listener(online);
  }

  start(): void {
    if (this.running || !this.options.probe) return;
    this.running = true;
    this.check();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Probe now (once; a probe already running answers for this call too). */
  check(): void {
    const probe = this.options.probe;
    if (!this.running || !probe || this.probing) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.probing = true;
    const controller = new AbortController();
    const timeout = this.clock.setTimeout(() => controller.abort(), this.options.probeTimeoutMs ?? 5_000);
    const done = (online: boolean) => {
      this.clock.clearTimeout(timeout);
      this.probing = false;
      if (!this.running) return;
      this.set(online && !controller.signal.aborted);
      const interval = this.online ? (this.options.onlineIntervalMs ?? 30_000) : (this.options.offlineIntervalMs ?? 5_000);
      this.timer = this.clock.setTimeout(() => this.check(), interval);
    };
    let answer: Promise<boolean>;
    try {
      answer = probe(controller.signal);
    } catch {
      answer = Promise.resolve(false);
    }
    answer.then(
      (online) => done(online === true),
      () => done(false),
    );
  }
}

/**
 * A cheap probe: some non-loopback interface has an address. It notices a pulled cable or a
 * dropped Wi-Fi without any traffic, but not a captive portal. Not the default: on a machine
 * with only loopback (CI, a sandbox) it would stop polls of local servers.
 */
export const networkInterfacesProbe: ConnectivityProbe = async () =>
  Object.values(os.networkInterfaces()).some((addresses) => (addresses ?? []).some((address) => !address.internal));
