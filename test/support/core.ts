import type { Core } from '../../src/main/core/createCore';
import type { EventName } from '../../src/shared/contract/names';

/** Calls a method as the UI does and returns its result; a typed error becomes a thrown Error carrying code and reason. */
export async function call<T>(core: Core, method: string, params: unknown): Promise<T> {
  const outcome = await core.dispatcher.call(method, params);
  if (!outcome.ok) throw Object.assign(new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`), outcome.error);
  return outcome.result as T;
}

/** The next event of that name (and matching, if given); rejects after timeoutMs. */
export function nextEvent(core: Core, name: EventName, matches: (payload: never) => boolean = () => true, timeoutMs = 20_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`no ${name} event within ${timeoutMs} ms`))), timeoutMs);
    const stop = core.events.subscribe((event, payload) => {
      if (event === name && matches(payload as never)) {
        clearTimeout(timer);
        stop();
        resolve(payload);
      }
    });
  });
}
