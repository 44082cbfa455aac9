/**
 * A router provided for the chat of one app (tests, or a host that builds its own),
 * taking precedence over the app's AI service. `null` means "explicitly none".
 */
import type { Db } from '../../library/db';
import type { AiRouter } from '../routerTypes';

const routers = new WeakMap<Db, AiRouter | null>();

/** Makes `router` the one the chat of the app on `db` uses (null: no provider at all). */
export function provideChatRouter(db: Db, router: AiRouter | null): void {
  routers.set(db, router);
}

/** Goes back to the app's own router. */
export function clearChatRouter(db: Db): void {
  routers.delete(db);
}

/** The provided router, null when explicitly none, undefined when nothing was provided. */
export function chatRouterOf(db: Db): AiRouter | null | undefined {
  return routers.get(db);
}
