import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUDIO_PATH } from '../../shared/wire';
import type { Backend } from '../library/backend';
import { WebAuth } from './auth';
import { servePageWithFirstPage } from './firstPage';
import { serveSampleAudio } from './mediaRoute';
import { handlePeaksRequest } from './peaksRoute';
import { setSecurityHeaders } from './securityHeaders';
import { serveStatic } from './staticFiles';
import { attachWebSocket } from './wsBridge';

export interface WebServerOptions {
  app: Backend;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
}

export interface WebServer {
  port: number;
  origin: string;
  token: string;
  /** Open this once in a browser: it trades the token for a session cookie. */
  loginUrl: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The request's URL, or null when it cannot be parsed (e.g. `//`, which `new URL` rejects). */
export function requestUrl(raw: string | undefined, origin: string): URL | null {
  const target = raw ?? '/';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, origin);
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.end('not found');
}

/**
 * Headless mode: the built renderer and the app's handlers on 127.0.0.1 only.
 * Requests must carry the session cookie (obtained with the printed token) and a
 * Host header naming this server (no DNS rebinding); WebSockets must come from
 * this origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const auth = new WebAuth(options.token);
  let port = 0;
  const origins = (): string[] => [`http://${HOST}:${port}`, `http://localhost:${port}`];

  const isOwnHost = (host: string | undefined): boolean =>
    host === `${HOST}:${port}` || host === `localhost:${port}`;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const host = req.headers.host ?? '';
    if (!isOwnHost(host)) {
      res.statusCode = 421;
      res.end('wrong host');
      return;
    }
    const origin = `http://${host}`;
    setSecurityHeaders(res, origin);
    const url = requestUrl(req.url, origin);
    if (!url) {
      res.statusCode = 400;
      res.end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    if (url.searchParams.has('token')) {
      if (!auth.useToken(url.searchParams.get('token'))) {
        res.statusCode = 401;
        res.end(
          'This link is not valid (any more) for this SampleMind server: each printed link opens one browser session. Restart the server for a new one.',
        );
        return;
      }
      res.statusCode = 302;
      res.setHeader('Set-Cookie', auth.sessionCookie(auth.openSession()));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Location', '/');
      res.end();
      return;
    }
    if (!auth.hasSession(req.headers.cookie)) {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(
        'SampleMind web mode: open the link with the token that the server printed when it started.',
      );
      return;
    }
    if (handlePeaksRequest(options.app.db, url.pathname, req.method === 'HEAD', res)) return;
    if (url.pathname.startsWith(AUDIO_PATH)) {
      const id = Number(url.pathname.slice(AUDIO_PATH.length));
      if (!Number.isSafeInteger(id) || id <= 0) {
        res.statusCode = 404;
        res.end();
        return;
      }
      serveSampleAudio(options.app.db, id, req.headers.range, res);
      return;
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (!isPage && serveStatic(options.staticDir, url.pathname, res)) return;
    // The page (client-side routes fall back to it), with the first rows in it.
    if (isPage || !url.pathname.includes('.')) {
      void servePageWithFirstPage(
        options.staticDir,
        options.app.dispatch,
        res,
        req.method === 'HEAD',
      ).then(
        (served) => {
          if (!served) notFound(res);
        },
        () => {
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        },
      );
      return;
    }
    notFound(res);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // A request must never take the server down: answer it and carry on.
      console.error('web request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const wss = attachWebSocket(server, options.app, auth, origins, isOwnHost);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;
  return {
    port,
    origin,
    token: auth.token,
    loginUrl: `${origin}/?token=${auth.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
