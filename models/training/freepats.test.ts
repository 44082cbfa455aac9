import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FREEPATS_ROOT, freepatsCandidates, noteOfWave, NOTE_SECONDS } from './freepats';
import { parseGusPatch } from './gusPatch';

/** A one-wave GF1PATCH110 file with the given 16-bit signed PCM. */
function patchBytes(pcm: readonly number[], opts: { looping?: boolean; rate?: number } = {}) {
  const bytes = new Uint8Array(129 + 63 + 47 + 96 + pcm.length * 2);
  const v = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'GF1PATCH110');
  ascii(12, 'ID#000002');
  ascii(22, 'test patch');
  ascii(129 + 2, 'Snare');
  bytes[129 + 63 + 6] = 1; // one wave
  const w = 129 + 63 + 47;
  ascii(w, 'wave0');
  v.setUint32(w + 8, pcm.length * 2, true);
  v.setUint32(w + 12, 4 * 2, true); // loop start (bytes)
  v.setUint32(w + 16, pcm.length * 2, true); // loop end (bytes)
  v.setUint16(w + 20, opts.rate ?? 22050, true);
  v.setUint32(w + 30, 261626, true);
  bytes[w + 55] = 1 | (opts.looping ? 4 : 0); // 16-bit, signed
  pcm.forEach((x, i) => v.setInt16(w + 96 + i * 2, x, true));
  return bytes;
}

describe('GUS patch reader', () => {
  it('reads a wave’s PCM, rate, root and loop', () => {
    const pcm = Array.from({ length: 40 }, (_, i) => (i % 2 ? 16384 : -16384));
    const p = parseGusPatch(patchBytes(pcm, { looping: true }));
    expect(p.description).toBe('test patch');
    expect(p.instrument).toBe('Snare');
    expect(p.waves).toHaveLength(1);
    const w = p.waves[0]!;
    expect(w.sampleRate).toBe(22050);
    expect(w.rootFreq).toBe(261626);
    expect(w.looping).toBe(true);
    expect([w.loopStart, w.loopEnd]).toEqual([4, 40]);
    expect(Array.from(w.samples.slice(0, 2))).toEqual([-0.5, 0.5]);
  });

  it('refuses a file that is not a patch or is cut short', () => {
    expect(() => parseGusPatch(new TextEncoder().encode('RIFF....WAVEfmt '.repeat(20)))).toThrow(
      /not a GUS patch/,
    );
    const whole = patchBytes(Array.from({ length: 100 }, () => 1000));
    expect(() => parseGusPatch(whole.subarray(0, whole.length - 10))).toThrow(/truncated/);
  });

  it('holds a looped wave to the note length and fades every note out', () => {
    const pcm = Array.from({ length: 2000 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    const looped = noteOfWave(
      parseGusPatch(patchBytes(pcm, { looping: true, rate: 8000 })).waves[0]!,
    );
    expect(looped.length).toBe(Math.round(NOTE_SECONDS * 8000));
    expect(Math.abs(looped[1500]!)).toBeGreaterThan(0); // sustained past the recording
    expect(Math.abs(looped[looped.length - 1]!)).toBe(0);
    const plain = noteOfWave(parseGusPatch(patchBytes(pcm, { rate: 8000 })).waves[0]!);
    expect(plain.length).toBe(2000);
    expect(Math.abs(plain[plain.length - 1]!)).toBe(0);
  });
});

describe('freepats dataset source', () => {
  it('labels the drum set by GM key and the instruments by GM program', () => {
    expect(statSync(FREEPATS_ROOT).isDirectory()).toBe(true); // Debian freepats (.ci/run installs it)
    const dir = mkdtempSync(join(tmpdir(), 'freepats-'));
    try {
      const c = freepatsCandidates(dir);
      const drums = c.filter((x) => x.group === 'freepats:drums');
      expect(drums.length).toBeGreaterThanOrEqual(45); // GM keys 35–81
      const byName = (name: string) => c.find((x) => x.id.includes(name));
      expect(byName('035_Kick_1')?.label).toBe('kick');
      expect(byName('054_Tombourine')?.label).toBe('percussion'); // a misspelt tambourine, not a tom
      expect(byName('042_Hi-Hat_Closed')?.label).toBe('hihat');
      const piano = c.filter((x) => x.group === 'freepats:gm0');
      expect(piano.length).toBeGreaterThan(3);
      expect(piano.every((x) => x.label === 'keys' && x.kind === 'one-shot')).toBe(true);
      const wav = readFileSync(piano[0]!.path);
      expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(c.every((x) => x.licence.startsWith('GPL-2+'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out an unreadable patch and says why', () => {
    const root = mkdtempSync(join(tmpdir(), 'freepats-root-'));
    const out = mkdtempSync(join(tmpdir(), 'freepats-out-'));
    try {
      mkdirSync(join(root, 'Drum_000'));
      writeFileSync(join(root, 'Drum_000', '036_Kick_2.pat'), 'not a patch');
      const pcm = Array.from({ length: 400 }, (_, i) => Math.round(9000 * Math.sin(i / 3)));
      writeFileSync(join(root, 'Drum_000', '038_Snare_1.pat'), patchBytes(pcm));
      const logged: string[] = [];
      const c = freepatsCandidates(out, root, (m) => logged.push(m));
      expect(c.map((x) => [x.id, x.label])).toEqual([
        ['freepats/Drum_000/038_Snare_1-0.wav', 'snare'],
      ]);
      expect(logged).toEqual([expect.stringMatching(/036_Kick_2\.pat left out: not a GUS patch/)]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
