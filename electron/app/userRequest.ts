import type { CallContext } from '../core/handlerTypes';

/**
 * Whether a request means the user is browsing (the analysis pool then gives a core back for a
 * few seconds): anything but analysis status polls, app info, and the refreshes a page sends
 * by itself after library events (`ctx.background`; during an import they come several times
 * a second and would keep the pool one core short while nobody is at the screen).
 */
export function isUserRequest(name: unknown, ctx: CallContext): boolean {
  if (ctx.background === true) return false;
  return typeof name === 'string' && !name.startsWith('analysis.') && name !== 'app.info';
}
