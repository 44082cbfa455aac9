import { isAppUrl } from './appOrigin';

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
