/**
 * Real audio through the whole app: Debian's hydrogen drum kits and copies of one kick
 * made with ffmpeg/sox (FLAC of the same PCM, MP3 re-encode, padded with silence, −6 dB)
 * are imported and analysed by the background analysis (feature vector + classifier
 * embedding), then searched with the similarity handlers.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerName, InputOf, OutputOf, Result } from '../../../shared/contract';
import { createTestApp } from '../../app/test-support/testApp';
import { runAppCli as runCli } from '../../app/cli';
import { drumClassOfName } from '../fixtures/drumNames';
import { parseDrumkitXml } from '../fixtures/drumkitXml';
import { ffmpeg, hasFfmpeg } from '../test-support/referenceTools';

const DRUMKITS = '/usr/share/hydrogen/data/drumkits';
const KITS = ['TR808EmulationKit', 'rumpf_kit_z01_h2', 'HardElectro1'];
const KICK = '/usr/share/hydrogen/data/drumkits/TR808EmulationKit/808_Kick_Long.flac';
const ready = hasFfmpeg() && existsSync(KICK);

let app: ReturnType<typeof createTestApp>;
const labelOf = new Map<string, string>();

async function invoke<K extends HandlerName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = (await app.dispatch(name, input, { origin: 'test' })) as Result<OutputOf<K>>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function idOf(name: string): number {
  return app.db.prepare('SELECT id FROM samples WHERE name = ?').pluck().get(name) as number;
}

beforeAll(async () => {
  if (!ready) return;
  app = createTestApp();
  const folder = join(app.dir, 'samples');
  mkdirSync(join(folder, 'kits'), { recursive: true });
  mkdirSync(join(folder, 'copies'), { recursive: true });
  for (const kit of KITS) {
    const kitDir = join(DRUMKITS, kit);
    if (!existsSync(join(kitDir, 'drumkit.xml'))) continue;
    for (const inst of parseDrumkitXml(readFileSync(join(kitDir, 'drumkit.xml'), 'utf8'))
      .instruments) {
      const label = drumClassOfName(inst.name);
      if (!label) continue;
      for (const file of inst.files.filter((f) => existsSync(join(kitDir, f)))) {
        const name = `${kit.slice(0, 6)}-${basename(file)}`;
        copyFileSync(join(kitDir, file), join(folder, 'kits', name));
        labelOf.set(name, label);
      }
    }
  }
  const copies = join(folder, 'copies');
  ffmpeg(['-i', KICK, '-c:a', 'pcm_s16le'], join(copies, 'kick-original.wav'));
  ffmpeg(
    ['-i', join(copies, 'kick-original.wav'), '-c:a', 'flac'],
    join(copies, 'kick-lossless.flac'),
  );
  ffmpeg(
    ['-i', join(copies, 'kick-original.wav'), '-c:a', 'libmp3lame', '-b:a', '160k'],
    join(copies, 'kick-reencoded.mp3'),
  );
  execFileSync('sox', [
    join(copies, 'kick-original.wav'),
    join(copies, 'kick-padded.wav'),
    'pad',
    '0.3',
    '0.5',
  ]);
  execFileSync('sox', [
    join(copies, 'kick-original.wav'),
    join(copies, 'kick-quieter.wav'),
    'gain',
    '-6',
  ]);
  await app.start();
  await invoke('library.addFolder', { path: folder });
  await app.library.importer.whenIdle();
  app.analysis.wake();
  await app.analysis.whenIdle();
}, 300_000);

afterAll(async () => {
  await app?.dispose();
});

describe.skipIf(!ready)('similarity on real audio', () => {
  it('indexes what the analysis wrote and finds mostly the same class among neighbours', async () => {
    const kicks = [...labelOf].filter(([, l]) => l === 'kick').map(([n]) => n);
    expect(kicks.length).toBeGreaterThanOrEqual(5);
    let same = 0;
    let total = 0;
    let sameDrum = 0;
    for (const name of [...labelOf.keys()]) {
      const page = await invoke('similar.find', {
        sampleId: idOf(name),
        limit: 3,
        filters: { dir: 'kits' },
      });
      expect(page.indexed).toBeGreaterThan(labelOf.size);
      for (const item of page.items) {
        total++;
        if (labelOf.get(item.sample.name) === labelOf.get(name)) same++;
        if (labelOf.get(name) === 'kick' && labelOf.get(item.sample.name) === 'kick') sameDrum++;
      }
    }
    const kickShare = sameDrum / (kicks.length * 3);
    console.log(
      `real audio (${labelOf.size} hydrogen files): top-3 same class ${(same / total).toFixed(3)}, kicks' top-3 kicks ${kickShare.toFixed(3)}`,
    );
    // Chance level is about 1 in 7 classes here.
    expect(same / total).toBeGreaterThan(0.4);
    expect(kickShare).toBeGreaterThan(0.5);
  });

  it('reports the FLAC of the same PCM as an exact duplicate and the re-encoded, padded and quieter copies as near ones', async () => {
    const report = await invoke('similar.duplicates', {});
    const exact = report.exact.find((g) => g.samples.some((s) => s.name === 'kick-original.wav'));
    expect(exact?.samples.map((s) => s.name).sort()).toEqual([
      'TR808E-808_Kick_Long.flac',
      'kick-lossless.flac',
      'kick-original.wav',
    ]);
    expect(exact?.contentHash).toMatch(/^pcm:/);
    const near = report.near.find((g) => g.samples.some((s) => s.name === 'kick-original.wav'));
    const names = near?.samples.map((s) => s.name) ?? [];
    console.log('near group', names, near?.similarity, near?.differences);
    for (const n of ['kick-reencoded.mp3', 'kick-quieter.wav', 'kick-padded.wav'])
      expect(names).toContain(n);
    // The kit's own kick is a different sound: never grouped with the copies.
    expect(names).not.toContain('TR808E-808_Kick_Short.flac');
    expect(names.every((n) => n.startsWith('kick-') || n === 'TR808E-808_Kick_Long.flac')).toBe(
      true,
    );
    // The keeper is a lossless copy; no group mixes kits' different sounds.
    expect(['wav', 'flac']).toContain(near!.samples.find((s) => s.id === near!.keeperId)!.format);
    // Different sounds of the kits (velocity layers included) are not near duplicates.
    expect(report.near).toHaveLength(1);
  });

  it('hides, with hide duplicates, the copies the Duplicates view groups as the same audio (keeping its suggestion)', async () => {
    // (Runs after the report above, which decoded the copies and found one PCM.)
    const copies = ['TR808E-808_Kick_Long.flac', 'kick-lossless.flac', 'kick-original.wav'];
    const report = await invoke('similar.duplicates', {});
    const exact = report.exact.find((g) => g.samples.some((s) => s.name === 'kick-original.wav'))!;
    const keeper = exact.samples.find((s) => s.id === exact.keeperId)!.name;
    const shown = async (filters: { hideDuplicates?: boolean }) =>
      (await invoke('library.search', { text: 'kick', filters, limit: 1000 })).items.map(
        (s) => s.name,
      );
    expect(await shown({})).toEqual(expect.arrayContaining(copies));
    const hidden = await shown({ hideDuplicates: true });
    expect(hidden.filter((n) => copies.includes(n))).toEqual([keeper]);
    // Near duplicates (re-encoded, padded, quieter) are other files: they stay.
    expect(hidden).toEqual(expect.arrayContaining(['kick-reencoded.mp3', 'kick-quieter.wav']));
    // The command line sees the same (a fresh process reading what the report remembered).
    let out = '';
    const code = await runCli(
      [
        'search',
        'kick',
        '--hide-duplicates',
        '--limit',
        '1000',
        '--json',
        '--db',
        join(app.dir, 'library.db'),
      ],
      { io: { stdout: (t) => (out += t), stderr: () => {}, interactive: false }, env: {} },
    );
    expect(code).toBe(0);
    const names = (JSON.parse(out) as { items: Array<{ name: string }> }).items.map((s) => s.name);
    expect(names.filter((n) => copies.includes(n))).toEqual([keeper]);
  });

  it('describes a sound: "punchy kick" returns kicks with reasons; "like <name>" ranks by similarity', async () => {
    const r = await invoke('similar.describe', { text: 'punchy kick', limit: 5 });
    expect(r.parse.classes).toEqual(['kick']);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.sample.class === 'kick')).toBe(true);
    expect(r.explanation).toMatch(/class kick/);
    const like = await invoke('similar.describe', { text: 'like kick-original', limit: 5 });
    expect(like.reference?.name).toBe('kick-original.wav');
    expect(like.items[0]!.reasons.some((x) => x.startsWith('similar'))).toBe(true);
    expect(like.items.map((i) => i.sample.name)).toContain('kick-quieter.wav');
  });

  it('places every analysed sample on the map, copies close together', async () => {
    const map = await invoke('similar.map', {});
    expect(map.total).toBe(map.ids.length);
    expect(map.total).toBeGreaterThan(labelOf.size);
    const at = (name: string) => map.ids.indexOf(idOf(name));
    const dist = (a: number, b: number) => Math.hypot(map.x[a]! - map.x[b]!, map.y[a]! - map.y[b]!);
    const o = at('kick-original.wav');
    const q = at('kick-quieter.wav');
    const all = map.ids.map((_, i) => dist(o, i)).sort((a, b) => a - b);
    expect(dist(o, q)).toBeLessThanOrEqual(all[Math.floor(all.length / 4)]!);
    expect(map.classNames.length).toBeGreaterThan(1);
  });

  it('works from the command line: similar <file outside the library>, --describe, duplicates --json', async () => {
    const cli = async (...args: string[]) => {
      let out = '';
      const code = await runCli([...args, '--db', join(app.dir, 'library.db')], {
        io: { stdout: (t) => (out += t), stderr: () => {}, interactive: false },
        env: {},
      });
      return { code, out };
    };
    const outside = join(app.dir, 'outside-kick.wav');
    ffmpeg(['-i', KICK, '-af', 'volume=-3dB', '-c:a', 'pcm_s16le'], outside);
    const similar = await cli('similar', outside, '--limit', '5', '--json');
    expect(similar.code).toBe(0);
    const page = JSON.parse(similar.out) as { items: Array<{ sample: { name: string } }> };
    expect(page.items.slice(0, 5).map((i) => i.sample.name)).toContain('kick-original.wav');
    const byId = await cli(
      'similar',
      String(idOf('kick-original.wav')),
      '--aspects',
      'timbre=1,rhythm=0',
      '--class',
      'kick',
    );
    expect(byId.out).toMatch(
      new RegExp(`similar to #${idOf('kick-original.wav')} kick-original\\.wav, of \\d+ compared`),
    );
    const described = JSON.parse(
      (await cli('similar', '--describe', 'short kick', '--json')).out,
    ) as {
      parse: { classes: string[] };
    };
    expect(described.parse.classes).toEqual(['kick']);
    expect((await cli('similar', '--describe', 'kick')).out).toMatch(/class kick/);
    const groups = JSON.parse((await cli('duplicates', '--json')).out) as Array<{ type: string }>;
    expect(groups.map((g) => g.type).sort()).toEqual(['exact', 'near']);
    expect((await cli('duplicates')).out).toMatch(/near copies/);
    expect((await cli('similar', '/no/such/file.wav')).code).toBe(2);
  });
});
