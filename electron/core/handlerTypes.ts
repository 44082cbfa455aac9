import type { Contract, HandlerName } from '../../shared/contract';

/** Who is calling: the desktop window, a web-mode client, or the CLI. */
export interface CallContext {
  origin: 'ipc' | 'web' | 'cli' | 'test';
  /** The page sent the request by itself (a refresh), not the user (InvokeOptions.background). */
  background?: boolean;
}

export type Handler<K extends HandlerName> = (
  input: Contract[K]['input'],
  ctx: CallContext,
) => Promise<Contract[K]['output']> | Contract[K]['output'];

/** A domain's slice of the handler map (e.g. HandlerMap<LibraryContract>). */
export type HandlerMap<C extends Partial<Contract>> = { [K in keyof C & HandlerName]: Handler<K> };

export type Handlers = HandlerMap<Contract>;
