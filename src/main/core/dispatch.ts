import { AppError, type AppErrorPayload } from '../../shared/contract/errors';
import { isMethodName, type MethodName } from '../../shared/contract/names';
import { methods, type ParsedParamsOf, type ResultOf } from '../../shared/contract/methods';

export type Handler<M extends MethodName> = (params: ParsedParamsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: AppErrorPayload };

export interface Dispatcher {
  /** Validates an untrusted request, runs its handler, and never throws: errors come back typed. */
  call(method: unknown, params: unknown): Promise<CallOutcome>;
}

export function createDispatcher(
  handlers: HandlerTable,
  reportInternalError: (method: string, error: unknown) => void,
): Dispatcher {
  return {
    async call(method, params) {
      if (!isMethodName(method)) {
        return fail(new AppError('unknown_method', `There is no method named ${describe(method)}.`));
      }
      const parsed = methods[method].params.safeParse(params ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`)
          .join('; ');
        return fail(new AppError('invalid_params', `Invalid parameters for ${method}: ${detail}`));
      }
      try {
        const handler = handlers[method] as (p: unknown) => unknown;
        const result = await handler(parsed.data);
        // Results are checked too: a handler that drifts from the contract is a bug we want loud.
        return { ok: true, result: methods[method].result.parse(result) };
      } catch (error) {
        if (error instanceof AppError) return fail(error);
        reportInternalError(method, error);
        return fail(new AppError('internal', `${method} failed unexpectedly: ${(error as Error)?.message ?? error}`));
      }
    },
  };
}

function fail(error: AppError): CallOutcome {
  return { ok: false, error: error.toPayload() };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100));
  return `(${value === null ? 'null' : typeof value})`;
}
