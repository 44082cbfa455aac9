import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KICK, writeAudioFolder } from '../analysis/test-support/audioFolder';
import { openDatabase } from '../library/db';
import { runAppCli as runCli } from '../app/cli';

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
  'classTier',
  'classCandidates',
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
    expect(['sure', 'likely']).toContain(kick.classTier);
    const candidates = kick.classCandidates as Array<{ class: string; p: number }>;
    expect(candidates).toHaveLength(3);
    expect(candidates[0]).toEqual({ class: 'kick', p: kick.classConfidence });
    expect(candidates[1]!.p).toBeLessThanOrEqual(candidates[0]!.p);
    expect(Array.isArray(kick.tags)).toBe(true);
    expect(broken).toMatchObject({ ok: false });
    expect(Object.keys(broken)).toEqual(['path', 'ok', 'error']);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(r.err).toMatch(/3 analysed, 2 failed .* files\/s on 2 workers/);
    // No library was created.
    expect(() => openDatabase(join(dir, 'data', 'library.db'), { readonly: true })).toThrow();
  }, 120_000);

  it('takes the class a file or folder name states unless the sound contradicts it', async () => {
    // Forzee's snare with the snares off: the classifier alone is unsure what it is.
    const snareOff = '/usr/share/hydrogen/data/drumkits/ForzeeStereo/SnareOff-0.wav';
    const named = join(dir, 'named');
    mkdirSync(join(named, 'Snares'), { recursive: true });
    const copies = {
      unnamed: join(named, 'take 1.wav'),
      snare: join(named, 'Snare Off 1.wav'),
      kickAsVocal: join(named, 'Vocal Chop.wav'),
      kickInSnares: join(named, 'Snares', 'take 2.wav'),
    };
    copyFileSync(snareOff, copies.unnamed);
    copyFileSync(snareOff, copies.snare);
    copyFileSync(KICK, copies.kickAsVocal);
    copyFileSync(KICK, copies.kickInSnares);
    const r = await cli('analyze', ...Object.values(copies), '--json', '--workers', '2');
    expect(r.code).toBe(0);
    const [unnamed, snare, kickAsVocal, kickInSnares] = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // Unsure audio still shows its best candidate, as a guess.
    expect(unnamed).toMatchObject({ classSource: 'audio', classTier: 'guess' });
    expect(unnamed?.class).toBe((unnamed?.classCandidates as Array<{ class: string }>)[0]?.class);
    expect(snare).toMatchObject({
      class: 'snare',
      classSource: 'name',
      classTier: 'sure',
      classConfidence: 0.9,
    });
    // A confident kick keeps its class whatever its file or folder says.
    expect(kickAsVocal).toMatchObject({ class: 'kick', classSource: 'audio' });
    expect(kickInSnares).toMatchObject({ class: 'kick', classSource: 'audio' });
  }, 120_000);

  it('prints a table, and refuses bad usage', async () => {
    const r = await cli('analyze', files.groove, files.kick);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/groove\.wav\s+loop\s+4\.80s\s+100\.0/);
    expect(r.out).toMatch(/Kick-Hard\.wav\s+one-shot.*kick/);
    expect((await cli('analyze')).code).toBe(2);
    expect((await cli('analyze', samples, '--workers', 'many')).code).toBe(2);
    expect((await cli('analyze', samples, '--library')).code).toBe(2);
    const emptyDir = join(dir, 'empty');
    mkdirSync(emptyDir);
    const empty = await cli('analyze', emptyDir);
    expect(empty.code).toBe(1);
    expect(empty.out).toBe('');
    expect(empty.err).toBe(`samplemind analyze: no audio files in ${emptyDir} [NOT_FOUND]\n`);
  }, 120_000);

  it('stores results of library files with --db, and works through the queue with --library', async () => {
    const db = join(dir, 'lib.db');
    expect((await cli('import', samples, '--db', db, '--json', '--no-analyze')).code).toBe(0);
    const one = await cli('analyze', files.groove, '--db', db, '--json');
    expect(one.code).toBe(0);
    expect(one.err).toMatch(/1 stored in the library/);
    const found = await cli('search', '--db', db, '--bpm', '95-105', '--json');
    expect(found.out).toMatch(/groove\.wav/);
    const lib = await cli('analyze', '--library', '--db', db, '--json', '--workers', '2');
    expect(lib.code).toBe(0);
    const status = JSON.parse(lib.out) as { library: Record<string, number> };
    expect(status.library).toEqual({ done: 3, failed: 0, queued: 0, running: 0 });
    // Progress goes to a terminal only; --json and a pipe stay quiet.
    expect(lib.err).toBe('');
    // The library keeps where each class came from ("Kick-Hard.wav" names its class).
    const kicks = JSON.parse((await cli('search', 'kick', '--db', db, '--json')).out) as {
      items: Array<Record<string, unknown>>;
    };
    expect(kicks.items).toEqual([
      expect.objectContaining({ name: 'Kick-Hard.wav', class: 'kick', classSource: 'name' }),
    ]);
  }, 120_000);
});
