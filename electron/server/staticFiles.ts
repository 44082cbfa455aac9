import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files the app serves (web mode and the desktop app:// protocol). */
export const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.onnx': 'application/octet-stream',
};
const TYPES = STATIC_TYPES;

/** Resolves a URL path inside `root`, refusing anything that would escape it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, rel);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return full;
}

/** Serves a built renderer file; index.html for "/". Returns false when there is no such file. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const full = resolveStatic(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!full) return false;
  let size: number;
  try {
    const st = statSync(full);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false;
  }
  const ext = extname(full);
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  // Vite names assets by content hash: cache them; never cache the page itself.
  res.setHeader(
    'Cache-Control',
    urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
  );
  const stream = createReadStream(full);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return true;
}
