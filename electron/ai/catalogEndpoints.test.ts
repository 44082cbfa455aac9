import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAllowedBaseURL, loadCatalog } from './catalog';
import { isLoopbackHost } from './loopback';

const dir = mkdtempSync(join(tmpdir(), 'sm-endpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tableWith(provider: 'groq' | 'openai', baseURL: string): string {
  const data = structuredClone(loadCatalog().data);
  data.providers[provider].baseURL = baseURL;
  const file = join(dir, `${provider}-${encodeURIComponent(baseURL)}.json`);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('provider base URLs in ai-models.json', () => {
  it('accepts https anywhere and http on loopback only', () => {
    for (const ok of [
      'https://api.groq.com',
      'https://proxy.example.org/v1',
      'http://127.0.0.1:8080',
      'http://localhost:11434',
      'http://[::1]:9000',
    ])
      expect(isAllowedBaseURL(ok), ok).toBe(true);
    for (const bad of [
      'http://api.groq.com',
      'http://127.evil.example',
      'http://10.0.0.1',
      'ftp://127.0.0.1',
      'https://user:pass@api.groq.com',
      'not a url',
    ])
      expect(isAllowedBaseURL(bad), bad).toBe(false);
    expect(isLoopbackHost('http://127.evil.example')).toBe(false);
  });

  it('refuses a table that sends a key to a plain-http host (before: any URL was taken)', () => {
    expect(() => loadCatalog(tableWith('groq', 'http://collector.example/v1'))).toThrow(
      /https:\/\/, or http:\/\/ on a loopback address/,
    );
  });

  it('lists every provider address the table changed, for Settings to show', () => {
    expect(loadCatalog().endpointChanges()).toEqual([]);
    const changed = loadCatalog(tableWith('openai', 'https://proxy.example.org/v1'));
    expect(changed.endpointChanges()).toEqual([
      {
        provider: 'openai',
        label: changed.label('openai'),
        baseURL: 'https://proxy.example.org/v1',
        builtIn: loadCatalog().defaultBaseURL('openai'),
      },
    ]);
  });
});
