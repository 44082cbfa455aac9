import { describe, expect, it } from 'vitest';
import { envelopePeaks } from './envelopePeaks';
import { envelopeFeatures } from '../features/envelope';
import { drumHit, drumLoop, harmonicTone, sine } from '../test-support/signals';

const sr = 44100;

/** A pad-like note: slow 0.6 s swell, a little tremolo and chorus, then a 1.5 s fade. */
function padNote(freq: number, seconds = 3): Float32Array {
  const x = harmonicTone(freq, seconds, sr, { harmonics: 6, attack: 0.6 });
  const y = harmonicTone(freq * 1.004, seconds, sr, { harmonics: 6, attack: 0.6 });
  const fadeFrom = Math.round((seconds - 1.5) * sr);
  for (let i = 0; i < x.length; i++) {
    const trem = 1 + 0.25 * Math.sin((2 * Math.PI * 5 * i) / sr);
    const fade = i < fadeFrom ? 1 : Math.exp(-(i - fadeFrom) / (0.2 * sr));
    x[i] = ((x[i] as number) + 0.3 * (y[i] as number)) * trem * fade;
  }
  return x;
}

describe('envelopePeaks', () => {
  it('counts one event for single sounds, however they swell, wobble or ring low', () => {
    expect(envelopePeaks(envelopeFeatures(drumHit(sr), sr))).toBe(1);
    expect(envelopePeaks(envelopeFeatures(padNote(220), sr))).toBe(1);
    // 35 Hz: the 20 ms release of the peak follower dips between cycles; smoothing bridges them.
    const low = harmonicTone(35, 2, sr, { harmonics: 3, decay: 0.8 });
    expect(envelopePeaks(envelopeFeatures(low, sr))).toBe(1);
    expect(envelopePeaks(envelopeFeatures(sine(440, 1, sr), sr))).toBe(1);
  });

  it('counts the hits of a loop', () => {
    // drumLoop: kick, snare and hats on a 16th grid; one bar at 120 BPM has ≥ 4 distinct hits.
    expect(envelopePeaks(envelopeFeatures(drumLoop(120, 1, sr), sr))).toBeGreaterThanOrEqual(4);
    const two = new Float32Array(sr);
    const hit = drumHit(sr, { decay: 0.05 });
    two.set(hit.subarray(0, sr / 2), 0);
    two.set(hit.subarray(0, sr / 2), sr / 2);
    expect(envelopePeaks(envelopeFeatures(two, sr))).toBe(2);
  });

  it('ignores events more than 30 dB down, and silence', () => {
    const x = new Float32Array(sr);
    const hit = drumHit(sr, { decay: 0.05 });
    x.set(hit.subarray(0, sr / 2), 0);
    const quiet = hit.subarray(0, sr / 2).map((v) => v * 0.02); // −34 dB
    x.set(quiet, sr / 2);
    expect(envelopePeaks(envelopeFeatures(x, sr))).toBe(1);
    expect(envelopePeaks(envelopeFeatures(new Float32Array(1000), sr))).toBe(0);
  });
});
