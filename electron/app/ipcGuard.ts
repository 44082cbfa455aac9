import type { EventName, Events } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { isAppUrl } from '../core/appOrigin';
import type { Dispatch } from '../core/dispatch';

/** What IPC knows about the frame that sent a message (Electron's `event.senderFrame`). */
export interface SenderFrame {
  url: string;
  /** True for the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * IPC is accepted only from the app's own page in the main frame of our window: not
 * from an iframe, not from a page the window was somehow navigated to, and not when
 * the frame is already gone (`senderFrame` is null after a navigation or crash).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.isMainFrame && isAppUrl(frame.url);
}

/**
 * The IPC request handler's body: refuses untrusted senders (as data, like every
 * error), otherwise runs the same dispatch the WebSocket server uses.
 */
export async function guardedInvoke(
  dispatch: Dispatch,
  frame: SenderFrame | null | undefined,
  name: unknown,
  input: unknown,
  /** The page sent it by itself, not the user (InvokeOptions.background). */
  background = false,
): Promise<Result<unknown>> {
  if (!isTrustedSender(frame)) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'requests are accepted from the app window only' },
    };
  }
  return dispatch(name, input, background ? { origin: 'ipc', background } : { origin: 'ipc' });
}

/** What travels on the event channel: one message per backend event. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: Events[E];
}
