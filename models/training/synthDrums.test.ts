import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitOfGroup } from './split';
import { biquad } from './biquad';
import { seededRandom } from './synth/random';
import type { DrumClass } from './synth/voices';
import { SYNTH_COUNTS, synthDrum, synthDrumCandidates, synthVariant } from './synthDrums';

/** Zero crossings per second of the first channel: a rough brightness. */
function crossingsPerSecond(cls: DrumClass, index: number): number {
  const { channels, sampleRate } = synthDrum(cls, index);
  const x = channels[0] as Float32Array;
  let n = 0;
  for (let i = 1; i < x.length; i++) if ((x[i - 1] as number) < 0 !== (x[i] as number) < 0) n++;
  return (n * sampleRate) / x.length;
}

/** Seconds from the start until the level stays 40 dB under the peak. */
function ringSeconds(cls: DrumClass, index: number): number {
  const { channels, sampleRate } = synthDrum(cls, index);
  const x = channels[0] as Float32Array;
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  let last = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] as number) > peak / 100) last = i;
  return last / sampleRate;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('synthesised drums', () => {
  it('are deterministic, finite and never clip', () => {
    for (const cls of Object.keys(SYNTH_COUNTS) as DrumClass[]) {
      for (const i of [3]) {
        const a = synthDrum(cls, i);
        const b = synthDrum(cls, i);
        expect(a.channels).toEqual(b.channels);
        expect([44100, 48000]).toContain(a.sampleRate);
        let peak = 0;
        for (const ch of a.channels)
          for (const v of ch) {
            expect(Number.isFinite(v)).toBe(true);
            peak = Math.max(peak, Math.abs(v));
          }
        expect(peak).toBeGreaterThan(0.1);
        expect(peak).toBeLessThanOrEqual(0.97);
      }
    }
    expect(synthDrum('kick', 1).channels[0]).not.toEqual(synthDrum('kick', 2).channels[0]);
  });

  it('sound like their class: kicks dark, hats bright, open hats and cymbals ring longer', () => {
    const some = indices(12);
    const bright = (cls: DrumClass) => median(some.map((i) => crossingsPerSecond(cls, i)));
    expect(bright('kick')).toBeLessThan(400);
    expect(bright('tom')).toBeLessThan(bright('snare'));
    expect(bright('hihat')).toBeGreaterThan(5000);
    expect(bright('hihat')).toBeGreaterThan(bright('snare'));
    const ring = (cls: DrumClass, variant: string) =>
      median(
        indices(60)
          .filter((i) => synthVariant(cls, i) === variant)
          .map((i) => ringSeconds(cls, i)),
      );
    expect(ring('hihat', 'closed hat')).toBeLessThan(0.2);
    expect(ring('hihat', 'open hat')).toBeGreaterThan(2 * ring('hihat', 'closed hat'));
    expect(ring('cymbal', 'crash')).toBeGreaterThan(ring('hihat', 'open hat'));
  });

  it('writes labelled training files once, in train groups', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-'));
    const counts = { kick: 2, snare: 1, clap: 1, hihat: 2, cymbal: 1, tom: 1, percussion: 1 };
    const found = synthDrumCandidates(dir, counts);
    expect(found).toHaveLength(9);
    expect(found[0]).toMatchObject({
      id: 'synth/kick-000.wav',
      kind: 'one-shot',
      label: 'kick',
      group: 'synth:kick',
      source: 'synth',
    });
    expect(found.every((c) => splitOfGroup(c.group) === 'train')).toBe(true);
    expect(found.map((c) => c.label)).toEqual(
      Object.entries(counts).flatMap(([cls, n]) => Array(n).fill(cls)),
    );
    const wav = readFileSync(found[0]!.path);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    const before = statSync(found[0]!.path).mtimeMs;
    expect(synthDrumCandidates(dir, counts).map((c) => c.detail)).toEqual(
      found.map((c) => c.detail),
    );
    expect(statSync(found[0]!.path).mtimeMs).toBe(before);
  });

  it('filters: a low-pass keeps a low tone and removes a high one', () => {
    const sr = 44100;
    const tone = (hz: number) =>
      Float32Array.from({ length: sr / 2 }, (_, i) => Math.sin((2 * Math.PI * hz * i) / sr));
    const rms = (x: Float32Array) =>
      Math.sqrt(x.slice(sr / 4).reduce((s, v) => s + v * v, 0) / (sr / 4));
    expect(rms(biquad(tone(100), sr, 'lowpass', 1000))).toBeGreaterThan(0.65);
    expect(rms(biquad(tone(10000), sr, 'lowpass', 1000))).toBeLessThan(0.02);
    expect(rms(biquad(tone(100), sr, 'highpass', 1000))).toBeLessThan(0.02);
    expect(rms(biquad(tone(1000), sr, 'bandpass', 1000, 2))).toBeGreaterThan(0.65);
    const r = seededRandom(1);
    const xs = Array.from({ length: 1000 }, () => r.logRange(100, 10000));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...xs)).toBeLessThan(10000);
  });
});
