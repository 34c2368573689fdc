import type { IpcRenderer, IpcRendererEvent } from 'electron';
// Imported from the modules themselves, not the contract's index: the sandboxed preload
// bundles what it imports, and these two need no zod.
import { buildApi, type LeitstandClient } from '../shared/contract/client';
import type { ErrorCode, ErrorReason } from '../shared/contract/errors';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, ipcChannelFor, isEventName, type EventName } from '../shared/contract/names';

/**
 * What a failed call rejects with, as the renderer sees it.
 *
 * A plain object, not an Error: contextBridge rebuilds an Error that crosses into the page
 * from its message alone (electron_api_context_bridge.cc), so an Error's `code` would be lost
 * on the way. A plain object of strings crosses intact. In the renderer:
 *
 *   try { await window.leitstand!.workspaces.rename({ id, name }) }
 *   catch (reason) { (reason as BridgedAppError).code === 'not_found' ... }
 *
 * `AppError.fromPayload(reason)` turns it into a real AppError when an instance is wanted.
 */
export interface BridgedAppError {
  name: 'AppError';
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  details?: Record<string, string>;
}

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadClient(ipc: IpcRendererLike): LeitstandClient {
  const api = buildApi(async (method, params) => {
    let outcome: unknown;
    try {
      outcome = await ipc.invoke(ipcChannelFor(method), params);
    } catch (error) {
      // Transport failures (no handler during shutdown, params that cannot be cloned) get the
      // same shape as the core's own errors, so the UI has one kind of failure to handle.
      throw bridgedError('internal', `${method} could not reach the application core: ${messageOf(error)}`);
    }
    return unwrap(outcome);
  });

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const onMessage = (_event: IpcRendererEvent, message: unknown): void => {
    if (!isEventMessage(message)) return;
    // A copy, so a listener that unsubscribes while being called does not skip its neighbour.
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        console.error(`A listener for ${message.event} failed:`, error);
      }
    }
  };
  let attached = false;

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) {
      throw new TypeError(`Unknown event ${JSON.stringify(String(event))}; known events: ${EVENT_NAMES.join(', ')}`);
    }
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
    const fn = listener as (payload: unknown) => void;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(fn);
    if (!attached) {
      ipc.on(IPC_EVENT_CHANNEL, onMessage);
      attached = true;
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(fn);
      if (set.size === 0) listeners.delete(event);
      if (listeners.size === 0 && attached) {
        ipc.removeListener(IPC_EVENT_CHANNEL, onMessage);
        attached = false;
      }
    };
  };

  return { ...api, on } as LeitstandClient;
}

function unwrap(outcome: unknown): unknown {
  if (isRecord(outcome) && outcome.ok === true && 'result' in outcome) return outcome.result;
  if (isRecord(outcome) && outcome.ok === false && isRecord(outcome.error)) {
    const { code, message, reason, details } = outcome.error;
    if (typeof code === 'string' && typeof message === 'string') {
      throw {
        ...bridgedError(code as ErrorCode, message),
        ...(typeof reason === 'string' ? { reason: reason as ErrorReason } : {}),
        ...(isStringRecord(details) ? { details } : {}),
      } satisfies BridgedAppError;
    }
  }
  throw bridgedError('internal', 'The application core sent an answer the window does not understand.');
}

function bridgedError(code: ErrorCode, message: string): BridgedAppError {
  return { name: 'AppError', code, message };
}

function isEventMessage(value: unknown): value is { event: EventName; payload: unknown } {
  return isRecord(value) && isEventName(value.event) && 'payload' in value;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
