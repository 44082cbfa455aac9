import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createTestApp } from '../app/test-support/testApp';
import { writeTinyWav } from '../library/fixtures/tinyWav';
import { FIRST_PAGE_QUERY, type FirstPage } from '../../shared/firstPage';
import { startWebServer, type WebServer } from './webServer';

let app: ReturnType<typeof createTestApp>;
let server: WebServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function login(): Promise<string> {
  const r = await get(`/?token=${server.token}`);
  expect(r.status).toBe(302);
  const cookie = String(r.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
  return cookie.split(';')[0]!;
}

function connect(cookie: string | null, origin = server.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
      headers: { ...(cookie ? { cookie } : {}), origin },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

beforeEach(async () => {
  app = createTestApp();
  await app.start();
  const staticDir = join(app.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>SampleMind</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(app.dir, 'secret.txt'), 'do not serve');
  server = await startWebServer({ app, staticDir, token: 'test-token' });
});

afterEach(async () => {
  await server.close();
  await app.dispose();
});

describe('web mode server', () => {
  it('listens on loopback and prints a login URL with the token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.loginUrl).toBe(`${server.origin}/?token=test-token`);
  });

  it('serves nothing without the session, and rejects a wrong token, a foreign Host and writes', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/', { host: 'evil.example:80' })).status).toBe(421);
    const cookie = await login();
    expect((await get('/', { cookie }, 'POST')).status).toBe(405);
  });

  it('serves the page and assets with strict headers, and never files outside the build', async () => {
    const cookie = await login();
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('SampleMind');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
    const asset = await get('/assets/app.js', { cookie });
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await get('/library/some/route', { cookie })).body.toString()).toContain('SampleMind');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
    ]) {
      const r = await get(path, { cookie });
      expect(r.body.toString()).not.toContain('do not serve');
    }
    expect((await get('/missing.js', { cookie })).status).toBe(404);
  });

  it('puts the first page of rows in the page, escaped for HTML', async () => {
    const staticDir = join(app.dir, 'static');
    writeFileSync(
      join(staticDir, 'index.html'),
      '<!doctype html><html><head><title>SampleMind</title></head><body><div id="root"></div></body></html>',
    );
    const lib = join(app.dir, 'lib');
    mkdirSync(lib);
    writeTinyWav(join(lib, 'kick <!--<script> & x.wav'), { seconds: 0.1 });
    writeTinyWav(join(lib, 'snare.wav'), { seconds: 0.1 });
    app.library.addFolder(lib);
    await app.library.importer.whenIdle();
    const cookie = await login();
    const html = (await get('/', { cookie })).body.toString();
    const m = /<script type="application\/json" id="samplemind-first-page">(.*?)<\/script>/s.exec(
      html,
    );
    expect(m).not.toBeNull();
    expect(html.indexOf(m![0])).toBeGreaterThan(html.indexOf('<div id="root"></div>'));
    expect(html.endsWith('</body></html>')).toBe(true);
    // Nothing in a file name can close the element early.
    expect(m![1]).not.toMatch(/[<>]/);
    const data = JSON.parse(m![1]!) as FirstPage;
    expect(data.query).toEqual(FIRST_PAGE_QUERY);
    expect(data.page.total).toBe(2);
    expect(data.page.items.map((r) => r.name)).toEqual(['kick <!--<script> & x.wav', 'snare.wav']);
    // Client-side routes get the same page; HEAD gets headers only.
    expect((await get('/browse', { cookie })).body.toString()).toContain('samplemind-first-page');
    const head = await get('/', { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('serves sample audio by id with range requests', async () => {
    const lib = join(app.dir, 'lib');
    mkdirSync(lib);
    writeTinyWav(join(lib, 'a.wav'), { seconds: 0.1 });
    app.library.addFolder(lib);
    await app.library.importer.whenIdle();
    const cookie = await login();
    const full = await get('/media/audio/1', { cookie });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('audio/wav');
    expect(full.headers['accept-ranges']).toBe('bytes');
    const size = full.body.length;
    const part = await get('/media/audio/1', { cookie, range: 'bytes=4-11' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${size}`);
    expect(part.body.toString('latin1')).toBe(full.body.subarray(4, 12).toString('latin1'));
    expect((await get('/media/audio/1', { cookie, range: 'bytes=-4' })).body.length).toBe(4);
    expect((await get('/media/audio/1', { cookie, range: `bytes=${size + 10}-` })).status).toBe(
      416,
    );
    expect((await get('/media/audio/77', { cookie })).status).toBe(404);
    expect((await get('/media/audio/abc', { cookie })).status).toBe(404);
    expect((await get('/media/audio/1')).status).toBe(401);
  });

  it('speaks the handler map over a WebSocket from its own origin only, and pushes events', async () => {
    await expect(connect(null)).rejects.toThrow(/403/);
    const cookie = await login();
    await expect(connect(cookie, 'http://evil.example')).rejects.toThrow(/403/);
    const ws = await connect(cookie);
    const messages: Array<Record<string, unknown>> = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'library.stats', input: {} }));
    ws.send(JSON.stringify({ type: 'invoke', id: 2, name: 'library.search', input: { limit: 0 } }));
    app.events.emit('library.changed', { reason: 'tags' });
    await new Promise((r) => setTimeout(r, 200));
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'result',
        id: 1,
        result: expect.objectContaining({ ok: true }),
      }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'result',
        id: 2,
        result: expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'BAD_INPUT' }),
        }),
      }),
    );
    expect(messages).toContainEqual({
      type: 'event',
      name: 'library.changed',
      payload: { reason: 'tags' },
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });
});
