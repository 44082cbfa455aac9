import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { resolveStatic, STATIC_TYPES } from '../server/staticFiles';
import { APP_HOST, APP_SCHEME } from '../core/appOrigin';
import { appSecurityHeaders } from '../media/csp';

const TYPES = STATIC_TYPES;

function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

function notFound(status = 404, text = 'not found'): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...appSecurityHeaders() },
  });
}

/**
 * The app:// protocol as a fetch-style handler: serves the built renderer from
 * `root` (dist/renderer) with the desktop CSP on every response. Only the app host,
 * only GET/HEAD, only files inside `root`; a path without an extension falls back
 * to index.html (client-side routes).
 */
export function createAppFileHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return notFound(405, 'method not allowed');
    // Request URLs are always absolute and valid.
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) {
      return notFound();
    }
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    let full = resolveStatic(root, pathname);
    let size = full ? fileSize(full) : null;
    if ((!full || size === null) && extname(pathname) === '') {
      full = resolveStatic(root, '/index.html');
      size = full ? fileSize(full) : null;
    }
    if (!full || size === null) return notFound();
    const headers = {
      ...appSecurityHeaders(),
      'Content-Type': TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': 'no-cache',
    };
    const body =
      request.method === 'HEAD' || size === 0
        ? null
        : (Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>);
    return new Response(body, { status: 200, headers });
  };
}
