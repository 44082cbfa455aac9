import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainOf } from './domain';
import { splitOfGroup } from './split';
import { FX_TYPES } from './synth/fxVoices';
import { fxGroup, SYNTH_FX_COUNTS, synthFx, synthFxCandidates } from './synthFx';

const rms = (x: Float32Array) =>
  Math.sqrt(x.reduce((a, v) => a + v * v, 0) / Math.max(1, x.length));

describe('synthesised effects', () => {
  it('are deterministic, finite, audible and never clip', () => {
    for (const type of FX_TYPES) {
      const a = synthFx(type, 5);
      expect(synthFx(type, 5).channels).toEqual(a.channels);
      for (const ch of a.channels) {
        expect(ch.every(Number.isFinite)).toBe(true);
        const peak = ch.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(peak).toBeLessThanOrEqual(1);
        expect(peak).toBeGreaterThan(10 ** (-25 / 20));
      }
      expect([44100, 48000]).toContain(a.sampleRate);
    }
    expect(synthFx('ui', 1).channels).not.toEqual(synthFx('ui', 2).channels);
  });

  it('risers get louder towards their end, downlifters quieter, UI sounds are short', () => {
    let rising = 0;
    let falling = 0;
    for (let i = 0; i < 6; i++) {
      const up = synthFx('riser', i).channels[0] as Float32Array;
      const h = Math.floor(up.length / 2);
      if (rms(up.subarray(h)) > rms(up.subarray(0, h))) rising++;
      const down = synthFx('downlifter', i).channels[0] as Float32Array;
      const g = Math.floor(down.length / 2);
      if (rms(down.subarray(0, g)) > rms(down.subarray(g))) falling++;
      const ui = synthFx('ui', i);
      expect((ui.channels[0] as Float32Array).length / ui.sampleRate).toBeLessThan(4.5);
    }
    expect(rising).toBeGreaterThanOrEqual(5);
    expect(falling).toBeGreaterThanOrEqual(5);
  });

  it('puts every block of seeds in one split, a fifth of them in validation, never test', () => {
    for (const type of FX_TYPES) {
      const splits = Array.from({ length: SYNTH_FX_COUNTS[type] }, (_, i) =>
        splitOfGroup(fxGroup(type, i)),
      );
      expect(splits).not.toContain('test');
      const val = splits.filter((s) => s === 'val').length / splits.length;
      expect(val).toBeGreaterThan(0.1);
      expect(val).toBeLessThan(0.35);
      expect(fxGroup(type, 0)).toBe(fxGroup(type, 7));
      expect(fxGroup(type, 0)).not.toBe(fxGroup(type, 8));
    }
    expect(domainOf({ source: 'synthfx', group: fxGroup('impact', 30) })).toBe('synthfx');
  });

  it('writes labelled fx one-shots once and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-synthfx-'));
    const counts = Object.fromEntries(
      FX_TYPES.map((t) => [t, t === 'ui' ? 2 : 0]),
    ) as typeof SYNTH_FX_COUNTS;
    const c = synthFxCandidates(dir, counts);
    expect(c.map((x) => x.id)).toEqual(['synthfx/ui-000.wav', 'synthfx/ui-001.wav']);
    expect(
      c.every((x) => x.label === 'fx' && x.kind === 'one-shot' && x.group === 'synthfx:ui:b0'),
    ).toBe(true);
    expect(synthFxCandidates(dir, counts)).toEqual(c);
  });
});
