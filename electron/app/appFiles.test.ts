import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppFileHandler } from './appFiles';

const dir = mkdtempSync(join(tmpdir(), 'sm-appfiles-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>SampleMind</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'empty.css'), '');
writeFileSync(join(dir, 'secret.txt'), 'do not serve');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handle = createAppFileHandler(root);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// files', () => {
  it('serves the page and assets with the CSP', async () => {
    const page = await get('app://samplemind/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toContain('SampleMind');
    expect(await (await get('app://samplemind/')).text()).toContain('SampleMind');
    const js = await get('app://samplemind/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    const empty = await get('app://samplemind/assets/empty.css');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
  });

  it('falls back to the page for client routes, not for missing files', async () => {
    expect(await (await get('app://samplemind/library/folders')).text()).toContain('SampleMind');
    expect((await get('app://samplemind/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the build or for another host', async () => {
    for (const url of [
      'app://samplemind/../secret.txt',
      'app://samplemind/%2e%2e/secret.txt',
      'app://samplemind/assets/..%2f..%2fsecret.txt',
      'app://samplemind/%00',
      'app://other/index.html',
      'sample://samplemind/index.html',
    ]) {
      const res = await get(url);
      expect(await res.text(), url).not.toContain('do not serve');
    }
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://samplemind/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await get('app://samplemind/index.html', 'POST')).status).toBe(405);
  });
});
