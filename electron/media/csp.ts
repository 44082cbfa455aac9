import { APP_ORIGIN } from '../core/appOrigin';
import { SAMPLE_SCHEME } from '../../shared/wire';

/**
 * The desktop renderer's Content-Security-Policy: only the app's own code and
 * styles, media and peaks only from the sample:// protocol (or blobs made from
 * them), no remote content at all, no plugins, no framing, no forms.
 */
export function desktopCsp(): string {
  const sample = `${SAMPLE_SCHEME}:`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${sample}`,
    `media-src 'self' blob: ${sample}`,
    `connect-src 'self' ${sample}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the app:// protocol carries. */
export function appSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': desktopCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The CORS headers a sample:// response needs so the app origin (and only it) can fetch it. */
export function sampleCorsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': APP_ORIGIN,
    'Access-Control-Expose-Headers': 'Accept-Ranges, Content-Length, Content-Range',
    Vary: 'Origin',
  };
}
