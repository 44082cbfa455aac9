import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createTestApp } from '../app/test-support/testApp';
import { startWebServer, type WebServer } from './webServer';

let app: ReturnType<typeof createTestApp> | null = null;
let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  await app?.dispose();
  vi.unstubAllEnvs();
  server = null;
  app = null;
});

function sessionCookie(s: WebServer): Promise<string> {
  return new Promise((resolve, reject) => {
    request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: `/?token=${s.token}`,
        headers: { host: `127.0.0.1:${s.port}` },
      },
      (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie']).split(';')[0]!);
      },
    )
      .on('error', reject)
      .end();
  });
}

describe('WebSocket bridge', () => {
  it("passes the page's background flag on: its own refreshes leave the analysis pool whole", async () => {
    vi.stubEnv('SAMPLEMIND_ANALYSIS_WORKERS', '2');
    app = createTestApp();
    await app.start();
    const staticDir = join(app.dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>SampleMind</title>');
    server = await startWebServer({ app, staticDir, token: 'test-token' });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
      headers: { cookie: await sessionCookie(server), origin: server.origin },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers = new Map<number, unknown>();
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { type: string; id?: number; result?: unknown };
      if (m.type === 'result') answers.set(m.id!, m.result);
    });
    const invoke = async (id: number, background: boolean) => {
      ws.send(
        JSON.stringify({
          type: 'invoke',
          id,
          name: 'library.search',
          input: {},
          ...(background ? { background: true } : {}),
        }),
      );
      while (!answers.has(id)) await new Promise((r) => setTimeout(r, 10));
      expect(answers.get(id)).toMatchObject({ ok: true });
    };
    expect(app.analysis.progress().workers).toBe(2);
    await invoke(1, true);
    expect(app.analysis.progress().workers).toBe(2);
    await invoke(2, false);
    expect(app.analysis.progress().workers).toBe(1);
    ws.close();
  });
});
