import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { firstPageBlock, jsonForHtml, servePageWithFirstPage, splitPage } from './firstPage';

/** Collects what a handler writes, like a ServerResponse does. */
function fakeResponse() {
  const chunks: string[] = [];
  const headers = new Map<string, unknown>();
  const res = {
    statusCode: 0,
    setHeader: (k: string, v: unknown) => headers.set(k.toLowerCase(), v),
    write: (c: string) => chunks.push(c),
    end: (c?: string) => {
      if (c) chunks.push(c);
      ended = true;
    },
  };
  let ended = false;
  return {
    res: res as unknown as ServerResponse,
    chunks,
    headers,
    get status() {
      return res.statusCode;
    },
    get ended() {
      return ended;
    },
  };
}

const page = { items: [], nextCursor: null, total: 0, tookMs: 1 };

describe('first page in the HTML', () => {
  it('escapes JSON so that it cannot end a script element', () => {
    const text = jsonForHtml({ name: '</script><!-- & \u2028\u2029' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><!-- & \u2028\u2029' });
  });

  it('splits the page before </body>', () => {
    expect(splitPage('<html><body><div></div></body></html>')).toEqual({
      head: '<html><body><div></div>',
      tail: '</body></html>',
    });
    expect(splitPage('<title>x</title>')).toBeNull();
  });

  it('is left out when the search fails', async () => {
    expect(await firstPageBlock(() => Promise.resolve(fail('IO_ERROR', 'disk')))).toBe('');
    expect(await firstPageBlock(() => Promise.resolve(ok(page)))).toContain('"total":0');
  });

  it('sends the head before the search answers, then the rows and the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-firstpage-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<head><script src="a.js"></script></head><body></body>',
    );
    let answer: (v: Result<unknown>) => void = () => {};
    const r = fakeResponse();
    const served = servePageWithFirstPage(
      dir,
      () => new Promise((resolve) => (answer = resolve)),
      r.res,
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(r.chunks).toEqual(['<head><script src="a.js"></script></head><body>']);
    expect(r.ended).toBe(false);
    answer(ok(page));
    expect(await served).toBe(true);
    expect(r.chunks[1]).toMatch(/^<script type="application\/json" id="samplemind-first-page">/);
    expect(r.chunks[1]).toMatch(/<\/body>$/);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the page without rows when the search throws, and nothing without a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-firstpage-'));
    writeFileSync(join(dir, 'index.html'), '<body></body>');
    const r = fakeResponse();
    await servePageWithFirstPage(dir, () => Promise.reject(new Error('x')), r.res, false);
    expect(r.chunks.join('')).toBe('<body></body>');
    const missing = fakeResponse();
    expect(
      await servePageWithFirstPage(
        join(dir, 'nope'),
        () => Promise.resolve(ok(page)),
        missing.res,
        false,
      ),
    ).toBe(false);
  });
});
