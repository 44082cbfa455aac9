import type { HandlerName, OutputOf } from '../../shared/contract';
import { AppError, type Result } from '../../shared/result';
import { isHandlerName, schemas } from '../../shared/schemas';
import type { CallContext, Handlers } from './handlerTypes';

export type Dispatch = (
  name: unknown,
  input: unknown,
  ctx: CallContext,
) => Promise<Result<unknown>>;

/**
 * The single entry point IPC, the WebSocket server and the CLI call: checks the
 * handler name, validates the input with its schema, runs the handler and turns
 * every failure into `{ ok: false, error: { code, message } }`.
 */
export function createDispatch(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = () => {},
): Dispatch {
  return async (name, input, ctx) => {
    if (!isHandlerName(name)) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', message: `unknown request "${String(name)}"` },
      };
    }
    const parsed = schemas[name].safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: `${name}: ${issue?.message ?? 'invalid input'}${where}`,
        },
      };
    }
    try {
      const handler = handlers[name] as (
        input: unknown,
        ctx: CallContext,
      ) => Promise<OutputOf<HandlerName>> | OutputOf<HandlerName>;
      const value: unknown = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log(`handler ${name} failed`, error);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  };
}
