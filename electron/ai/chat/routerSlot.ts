/**
 * Where the chat finds the app's AI router. The router is built by the app (it needs
 * the settings, keys and the Ollama supervisor); until it is provided, chat requests
 * fail with NO_PROVIDER and a message that says how to fix it.
 */
import type { Db } from '../../library/db';
import type { AiRouter } from '../routerTypes';

const routers = new WeakMap<Db, AiRouter>();

/** Makes `router` the one the chat of the app on `db` uses (null removes it). */
export function provideChatRouter(db: Db, router: AiRouter | null): void {
  if (router === null) routers.delete(db);
  else routers.set(db, router);
}

export function chatRouterOf(db: Db): AiRouter | null {
  return routers.get(db) ?? null;
}
