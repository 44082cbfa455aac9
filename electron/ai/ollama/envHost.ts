/**
 * The Ollama address from an `OLLAMA_HOST` value as Ollama's own CLI reads it:
 * `host`, `host:port`, `scheme://host[:port]`; port 11434 when none is given, and a
 * wildcard bind address (0.0.0.0, ::) reached over loopback. Null when unset or empty.
 */
import { parseUrl } from '../../core/parseUrl';
export function ollamaHostFromEnv(value: string | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  const url = parseUrl(withScheme);
  if (!url) return null;
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  if (!url.port) url.port = url.protocol === 'https:' ? '443' : '11434';
  if (url.protocol === 'https:' && url.port === '443') url.port = '';
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
