import { METHOD_NAMES, type EventName, type MethodName } from './names';
import type { ParamsOf, ResultOf } from './methods';
import type { PayloadOf } from './events';

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never;
type VerbOf<M extends string, D extends string> = M extends `${D}.${infer V}` ? V : never;

// Methods whose params are all optional (or none) can be called without an argument.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends P` asks whether every key of P is optional
type ClientMethod<M extends MethodName> = {} extends ParamsOf<M>
  ? (params?: ParamsOf<M>) => Promise<ResultOf<M>>
  : (params: ParamsOf<M>) => Promise<ResultOf<M>>;

/** `client.workspaces.create({ name })`: one typed function per method of the contract. */
export type LeitstandApi = {
  [D in DomainOf<MethodName>]: {
    [V in VerbOf<MethodName, D>]: ClientMethod<`${D}.${V}` & MethodName>;
  };
};

export type EventListener<E extends EventName> = (payload: PayloadOf<E>) => void;

export interface LeitstandClient extends LeitstandApi {
  /** Subscribes to a core event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/**
 * Builds the per-method functions from the contract's method list over any transport
 * (ipcRenderer in the preload, the WebSocket bridge in a browser tab).
 */
export function buildApi(call: (method: MethodName, params: unknown) => Promise<unknown>): LeitstandApi {
  const api: Record<string, Record<string, (params?: unknown) => Promise<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    const [domain, verb] = method.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (params?: unknown) => call(method, params ?? {});
  }
  return api as unknown as LeitstandApi;
}
