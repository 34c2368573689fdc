import type { StreamSpec } from '../connectors/connector';

/**
 * Which budget a stream spends. Servers rate-limit per token (an account) or per client
 * address (a feed host), so streams of one account, or of one feed host, share waits and slots.
 */
export function defaultHostKey(spec: StreamSpec): string {
  if (spec.accountId) return `account:${spec.accountId}`;
  if (spec.network === 'feed' && spec.query) {
    try {
      return `host:${new URL(spec.query).host.toLowerCase()}`;
    } catch {
      // Not a URL: the connector will report that; the stream gets a budget of its own.
      return `stream:${spec.id}`;
    }
  }
  return `network:${spec.network}`;
}

interface Block {
  untilMono: number;
  /** Kept beside the monotonic deadline: after a sleep only wall time says whether it passed. */
  untilWall: number;
}

/** Per-host slots in use and per-host waits (Retry-After, an exhausted rate-limit window). */
export class HostLimits {
  private readonly running = new Map<string, number>();
  private readonly blocks = new Map<string, Block>();

  constructor(private readonly maxPerHost: number) {}

  canStart(host: string): boolean {
    return (this.running.get(host) ?? 0) < this.maxPerHost;
  }

  acquire(host: string): void {
    this.running.set(host, (this.running.get(host) ?? 0) + 1);
  }

  release(host: string): void {
    const left = (this.running.get(host) ?? 1) - 1;
    if (left <= 0) this.running.delete(host);
    else this.running.set(host, left);
  }

  /** No stream of `host` starts for `ms`; a later deadline already set wins. */
  block(host: string, ms: number, mono: number, wall: number): void {
    const existing = this.blocks.get(host);
    if (existing && existing.untilMono >= mono + ms) return;
    this.blocks.set(host, { untilMono: mono + ms, untilWall: wall + ms });
  }

  /** The active wait of `host`, or null. */
  blockedUntil(host: string, mono: number): Block | null {
    const block = this.blocks.get(host);
    if (!block) return null;
    if (block.untilMono <= mono) {
      this.blocks.delete(host);
      return null;
    }
    return block;
  }

  /** The earliest moment a wait ends, so the scheduler can wake up then. */
  nextExpiry(mono: number): number | null {
    let next: number | null = null;
    for (const block of this.blocks.values()) {
      if (block.untilMono > mono && (next === null || block.untilMono < next)) next = block.untilMono;
    }
    return next;
  }

  /** After a sleep the monotonic deadlines are stale; wall time tells what is left of each wait. */
  rebase(mono: number, wall: number): void {
    for (const [host, block] of this.blocks) {
      const left = block.untilWall - wall;
      if (left <= 0) this.blocks.delete(host);
      else this.blocks.set(host, { untilMono: mono + left, untilWall: block.untilWall });
    }
  }
}
