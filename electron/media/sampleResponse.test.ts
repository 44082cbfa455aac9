import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { APP_ORIGIN } from '../core/appOrigin';
import { createTestApp } from '../app/test-support/testApp';
import { tinyWav } from '../library/fixtures/tinyWav';
import { sampleFile } from './sampleFile';
import { createSampleRequestHandler, type SampleRequestHandler } from './sampleResponse';

const app = createTestApp();
let handle: SampleRequestHandler;
let wav: Buffer;
let id: number;
const peaks = new Map<number, Uint8Array>();

beforeAll(async () => {
  const lib = join(app.dir, 'lib');
  mkdirSync(lib);
  wav = tinyWav({ seconds: 0.05 });
  writeFileSync(join(lib, 'kick.wav'), wav);
  writeFileSync(join(app.dir, 'secret.txt'), 'do not serve');
  app.library.addFolder(lib);
  await app.library.importer.whenIdle();
  const row = app.db.prepare('SELECT id FROM samples').get() as { id: number };
  id = row.id;
  peaks.set(id, new Uint8Array([0x53, 0x4d, 0x50, 0x4b, 1, 2, 3]));
  handle = createSampleRequestHandler({
    file: (sampleId) => sampleFile(app.db, sampleId),
    peaks: (sampleId) => peaks.get(sampleId) ?? null,
  });
});
afterAll(() => app.dispose());

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  handle(new Request(url, { method, headers }));

describe('sample:// audio', () => {
  it('streams the whole library file with its type', async () => {
    const res = await get(`sample://audio/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(wav.length));
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
  });

  it('honours byte ranges for seeking', async () => {
    const part = await get(`sample://audio/${id}`, { range: 'bytes=4-11' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(4, 12))).toBe(true);
    const tail = await get(`sample://audio/${id}`, { range: 'bytes=-4' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 4))).toBe(true);
    const open = await get(`sample://audio/${id}`, { range: `bytes=${wav.length - 2}-` });
    expect((await open.arrayBuffer()).byteLength).toBe(2);
    const past = await get(`sample://audio/${id}`, { range: `bytes=${wav.length + 10}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${wav.length}`);
  });

  it('answers HEAD without a body', async () => {
    const res = await get(`sample://audio/${id}`, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(wav.length));
    expect(res.body).toBeNull();
  });

  it('answers 404 for unknown ids and 400 for anything that is not an id', async () => {
    expect((await get('sample://audio/999')).status).toBe(404);
    for (const url of [
      'sample://audio/../secret.txt',
      'sample://audio/%2e%2e%2fsecret.txt',
      `sample://audio/${id}/../../secret.txt`,
      'sample://audio/abc',
      'sample://files/1',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('refuses methods other than GET and HEAD, and answers CORS preflights', async () => {
    const post = await get(`sample://audio/${id}`, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const pre = await get(`sample://audio/${id}`, {}, 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Range');
  });

  it('answers 404 when the file vanished and 500 on other failures', async () => {
    const gone = createSampleRequestHandler({
      file: () => {
        throw new AppError('NOT_FOUND', 'the file of sample 1 is missing');
      },
    });
    expect((await gone(new Request('sample://audio/1'))).status).toBe(404);
    const broken = createSampleRequestHandler({
      file: () => {
        throw new Error('disk on fire at /home/me/secret');
      },
    });
    const res = await broken(new Request('sample://audio/1'));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('/home/me');
  });
});

describe('sample:// peaks', () => {
  it('serves stored peaks bytes', async () => {
    const res = await get(`sample://peaks/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(peaks.get(id));
    const head = await get(`sample://peaks/${id}`, {}, 'HEAD');
    expect(head.headers.get('content-length')).toBe('7');
    expect(head.body).toBeNull();
  });

  it('answers 404 when a sample has no peaks or peaks are not served at all', async () => {
    expect((await get('sample://peaks/999')).status).toBe(404);
    const noPeaks = createSampleRequestHandler({ file: (n) => sampleFile(app.db, n) });
    expect((await noPeaks(new Request(`sample://peaks/${id}`))).status).toBe(404);
  });
});
