import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAudioFolder } from '../analysis/runner/test-support';
import { openDatabase } from '../library/db';
import { runCli } from './runCli';

let dir: string;
let samples: string;
let files: ReturnType<typeof writeAudioFolder>;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false },
    env: { SAMPLEMIND_DATA_DIR: join(dir, 'data') },
  });
  return { code, out, err };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sm-cli-analyze-'));
  samples = join(dir, 'samples');
  mkdirSync(samples);
  files = writeAudioFolder(samples);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FIELDS = [
  'path',
  'ok',
  'durationSec',
  'sampleRate',
  'channels',
  'kind',
  'bpm',
  'bpmConfidence',
  'key',
  'rootNote',
  'lufs',
  'truePeakDb',
  'class',
  'classConfidence',
  'tags',
];

describe('samplemind analyze', () => {
  it('prints one JSON line per file, in order, without a library', async () => {
    const r = await cli(
      'analyze',
      samples,
      join(dir, 'nothing-here.wav'),
      '--json',
      '--workers',
      '2',
    );
    expect(r.code).toBe(1); // two files failed
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.path)).toEqual([
      files.kick,
      files.broken,
      files.chords,
      files.groove,
      join(dir, 'nothing-here.wav'),
    ]);
    const [kick, broken, chords, groove, missing] = lines as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    for (const l of [kick, chords, groove]) for (const f of FIELDS) expect(l).toHaveProperty(f);
    expect(groove).toMatchObject({ ok: true, kind: 'loop', sampleRate: 44100, channels: 1 });
    expect(groove.bpm as number).toBeCloseTo(100, 0);
    expect(chords).toMatchObject({ key: 'A minor', rootNote: null });
    expect(kick).toMatchObject({ kind: 'one-shot', bpm: null, class: 'kick' });
    expect(kick.classConfidence as number).toBeGreaterThan(0.5);
    expect(Array.isArray(kick.tags)).toBe(true);
    expect(broken).toMatchObject({ ok: false });
    expect(Object.keys(broken)).toEqual(['path', 'ok', 'error']);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(r.err).toMatch(/3 analysed, 2 failed .* files\/s on 2 workers/);
    // No library was created.
    expect(() => openDatabase(join(dir, 'data', 'library.db'), { readonly: true })).toThrow();
  }, 120_000);

  it('prints a table, and refuses bad usage', async () => {
    const r = await cli('analyze', files.groove, files.kick);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/groove\.wav\s+loop\s+4\.80s\s+100\.0/);
    expect(r.out).toMatch(/Kick-Hard\.wav\s+one-shot.*kick/);
    expect((await cli('analyze')).code).toBe(2);
    expect((await cli('analyze', samples, '--workers', 'many')).code).toBe(2);
    expect((await cli('analyze', samples, '--library')).code).toBe(2);
  }, 120_000);

  it('stores results of library files with --db, and works through the queue with --library', async () => {
    const db = join(dir, 'lib.db');
    expect((await cli('import', samples, '--db', db, '--json')).code).toBe(0);
    const one = await cli('analyze', files.groove, '--db', db, '--json');
    expect(one.code).toBe(0);
    expect(one.err).toMatch(/1 stored in the library/);
    const found = await cli('search', '--db', db, '--bpm', '95-105', '--json');
    expect(found.out).toMatch(/groove\.wav/);
    const lib = await cli('analyze', '--library', '--db', db, '--json', '--workers', '2');
    expect(lib.code).toBe(0);
    const status = JSON.parse(lib.out) as { library: Record<string, number> };
    expect(status.library).toEqual({ done: 3, failed: 0, queued: 0, running: 0 });
    expect(lib.err).toMatch(/idle/);
  }, 120_000);
});
