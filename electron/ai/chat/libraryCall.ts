/**
 * The chat reaches the library only through the app's handler map, with the same
 * validation as the UI and the CLI: a tool can do nothing a user could not do.
 */
import type { HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { createDispatch, type Dispatch } from '../../core/dispatch';
import type { CallContext, Handlers } from '../../core/handlerTypes';

export type LibraryCall = <K extends HandlerName>(
  name: K,
  input: InputOf<K>,
) => Promise<OutputOf<K>>;

/** A typed caller over the (possibly not yet complete) handler map; throws AppError on failure. */
export function libraryCallOver(
  handlers: () => Handlers,
  ctx: CallContext = { origin: 'test' },
): LibraryCall {
  let dispatch: Dispatch | null = null;
  return async (name, input) => {
    dispatch ??= createDispatch(handlers());
    const result = await dispatch(name, input, ctx);
    if (!result.ok)
      throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value as OutputOf<typeof name>;
  };
}
