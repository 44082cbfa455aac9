/**
 * Where the desktop renderer is loaded from: the privileged `app://samplemind/`
 * protocol (served from the built renderer folder), never `file://`, so that the page
 * has a real origin that IPC checks, CSP and navigation rules can name.
 */
import { parseUrl } from './parseUrl';
export const APP_SCHEME = 'app';
export const APP_HOST = 'samplemind';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `raw` is a URL of the app's own origin (any path). */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** IPC channel names shared by main and preload (one for requests, one for events, one for drags). */
export const IPC_CHANNELS = {
  invoke: 'samplemind:invoke',
  event: 'samplemind:event',
  drag: 'samplemind:drag',
} as const;
