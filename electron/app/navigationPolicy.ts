import { isAppUrl } from '../core/appOrigin';
import { parseUrl } from '../core/parseUrl';

/**
 * What the window may do when the page tries to go somewhere. The app is a single
 * page: it may reload itself, nothing else. Links to the web never open inside the
 * app; an https link may be handed to the system browser.
 */
export type NavigationDecision = 'allow' | 'deny';

/** `will-navigate` / `will-redirect`: stay on the app's own origin. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/**
 * `setWindowOpenHandler`: never a new Electron window. Returns the URL to open in the
 * system browser instead, only for plain https links without credentials.
 */
export function externalLinkFor(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url) return null;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * Browser permissions the app needs: writing to the clipboard (copy a path or a
 * tag list), choosing an audio output device, element fullscreen. Everything else
 * (camera, microphone, notifications, geolocation, MIDI, HID, …) is refused, and
 * nothing is granted to a page that is not the app.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'speaker-selection',
  'fullscreen',
]);

export function permissionDecision(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
