import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../app/test-support/testApp';
import { seedSamples } from '../library/analysis/test-support/seedSamples';
import { peaksSource } from './peaksRoute';
import { startWebServer, type WebServer } from './webServer';

let app: ReturnType<typeof createTestApp>;
let server: WebServer;
const PEAKS = Uint8Array.from([0x53, 0x4d, 0x50, 0x4b, 1, 2, 3, 250]);

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; type: string | undefined; body: Buffer; cookie: string }> {
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
            type: res.headers['content-type'],
            body: Buffer.concat(chunks),
            cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '',
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let ids: number[];
beforeEach(async () => {
  app = createTestApp();
  ids = seedSamples(app.db, ['/lib/a.wav', '/lib/b.wav']);
  app.db.prepare('INSERT INTO sample_peaks(sample_id, peaks) VALUES (?, ?)').run(ids[0], PEAKS);
  const staticDir = join(app.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>SampleMind</title>');
  server = await startWebServer({ app, staticDir, token: 'test-token' });
});

afterEach(async () => {
  await server.close();
  await app.dispose();
});

describe('GET /media/peaks/<id>', () => {
  it('serves stored SMPK peaks to a logged-in client, 404 when there are none', async () => {
    const { cookie } = await get('/?token=test-token');
    const ok = await get(`/media/peaks/${ids[0]}`, { cookie });
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('application/octet-stream');
    expect([...ok.body]).toEqual([...PEAKS]);
    const head = await get(`/media/peaks/${ids[0]}`, { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get(`/media/peaks/${ids[1]}`, { cookie })).status).toBe(404);
    expect((await get('/media/peaks/999', { cookie })).status).toBe(404);
    expect((await get('/media/peaks/0', { cookie })).status).toBe(404);
    expect((await get('/media/peaks/1x', { cookie })).status).toBe(404);
    expect((await get(`/media/peaks/${ids[0]}/more`, { cookie })).status).toBe(404);
  });

  it('needs the same session as the audio route', async () => {
    expect((await get(`/media/peaks/${ids[0]}`)).status).toBe(401);
  });

  it('gives the desktop shell the same bytes for sample://peaks', () => {
    const peaks = peaksSource(app.db);
    expect([...(peaks(ids[0]!) ?? [])]).toEqual([...PEAKS]);
    expect(peaks(ids[1]!)).toBeNull();
  });
});
