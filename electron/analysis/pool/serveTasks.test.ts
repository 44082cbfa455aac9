import { describe, expect, it } from 'vitest';
import { serveTasks } from './serveTasks';
import { tsxApiUrl, workerScript } from './workerScript';

describe('worker plumbing', () => {
  it('serveTasks refuses to run on the main thread', () => {
    expect(() => serveTasks(async () => 1)).toThrow(/worker thread/);
  });

  it('prefers a compiled worker next to the bundle and falls back to the TypeScript source', () => {
    const here = new URL(import.meta.url);
    expect(workerScript(here, new URL('./worker-entry.ts', here))).toEqual({
      filename: here,
      eval: false,
    });
    const src = workerScript(new URL('./missing.js', here), new URL('./worker-entry.ts', here));
    expect(src.eval).toBe(true);
    expect(String(src.filename)).toMatch(/register\(\)/);
    expect(tsxApiUrl(here.pathname)).toMatch(/^file:.*tsx.*index\.mjs$/);
  });
});
