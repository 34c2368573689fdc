import { ConnectorError, type ConnectorErrorKind } from '../connectors/connector';

/** 'store' is the poller's own: the items could not be committed (and the cursor did not move). */
export type PollErrorKind = ConnectorErrorKind | 'store';

export interface PollFailure {
  kind: PollErrorKind;
  message: string;
  retryAfterMs: number | null;
}

/** Why the poller aborted a poll; becomes the signal's reason, so fetch rejects with it. */
export type AbortReason = 'removed' | 'stopped' | 'offline' | 'timeout' | 'superseded';

export class PollAbort extends Error {
  constructor(readonly reason: AbortReason) {
    super(`Poll aborted: ${reason}`);
    this.name = 'PollAbort';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EPIPE']);
const MAX_MESSAGE = 500;

/**
 * Turns anything a connector threw into a failure the poller can act on. Connectors should
 * throw ConnectorError; everything else is classified as well as we can, so that a bug in one
 * connector is a failed poll of one stream, never a crashed poller.
 */
export function classifyFailure(error: unknown): PollFailure {
  if (error instanceof ConnectorError) {
    return { kind: error.kind, message: clip(error.message), retryAfterMs: error.details.retryAfterMs ?? null };
  }
  const message = clip(messageOf(error));
  if (error instanceof SyntaxError) return { kind: 'parse', message, retryAfterMs: null };
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', message, retryAfterMs: null };
  // fetch (undici) throws TypeError('fetch failed') with the socket error as cause.
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  if (code && NETWORK_CODES.has(code)) return { kind: 'network', message, retryAfterMs: null };
  return { kind: 'http', message, retryAfterMs: null };
}

/**
 * Runs `work` but settles as soon as `signal` aborts, so a connector that ignores its signal
 * cannot hold a concurrency slot or keep stop() waiting. Its late answer is dropped.
 */
export function raceAbort<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(work());
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}
