import { describe, expect, it } from 'vitest';
import {
  addAir,
  bandLimit,
  finish,
  formantEq,
  resampleTo,
  room,
  softClip,
  svf,
} from './soundShaping';
import { seededRandom } from './synth/random';

const SR = 44100;
const tone = (hz: number, sr = SR, seconds = 0.5) =>
  Float32Array.from({ length: Math.round(sr * seconds) }, (_, i) =>
    Math.sin((2 * Math.PI * hz * i) / sr),
  );
const rms = (x: Float32Array) => Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);
/** Amplitude of the `hz` component (Goertzel over the second half, a whole number of cycles or near). */
function amplitudeAt(x: Float32Array, hz: number): number {
  const y = x.subarray(Math.floor(x.length / 2));
  let re = 0;
  let im = 0;
  for (let i = 0; i < y.length; i++) {
    re += (y[i] as number) * Math.cos((2 * Math.PI * hz * i) / SR);
    im += (y[i] as number) * Math.sin((2 * Math.PI * hz * i) / SR);
  }
  return (2 * Math.hypot(re, im)) / y.length;
}
const peak = (x: Float32Array) => x.reduce((a, v) => Math.max(a, Math.abs(v)), 0);

describe('sound shaping', () => {
  it('state-variable filter: low passes low tones, high passes high ones, and follows a moving cutoff', () => {
    expect(rms(svf(tone(200), SR, 'low', () => 2000).subarray(2000))).toBeGreaterThan(0.6);
    expect(rms(svf(tone(10000), SR, 'low', () => 500).subarray(2000))).toBeLessThan(0.01);
    expect(rms(svf(tone(10000), SR, 'high', () => 500).subarray(2000))).toBeGreaterThan(0.6);
    // a cutoff that rises from 100 Hz to 10 kHz lets a 3 kHz tone through only at the end
    const y = svf(tone(3000), SR, 'low', (i) => 100 * 100 ** (i / (SR / 2)));
    expect(rms(y.subarray(0, 4000))).toBeLessThan(0.05);
    expect(rms(y.subarray(18000))).toBeGreaterThan(0.5);
  });

  it('phone band removes 100 Hz and 6 kHz and keeps 1 kHz; radio keeps 6 kHz', () => {
    expect(rms(bandLimit(tone(100), SR, 'phone').subarray(4000))).toBeLessThan(0.08);
    expect(rms(bandLimit(tone(6000), SR, 'phone').subarray(4000))).toBeLessThan(0.08);
    expect(rms(bandLimit(tone(1000), SR, 'phone').subarray(4000))).toBeGreaterThan(0.6);
    expect(rms(bandLimit(tone(3000), SR, 'radio').subarray(4000))).toBeGreaterThan(0.6);
    expect(rms(bandLimit(tone(3000), SR, 'phone').subarray(4000))).toBeLessThan(0.6);
    const x = tone(440);
    expect(bandLimit(x, SR, 'none')).toBe(x);
  });

  it('room keeps a decaying tail after the sound, longer for a longer rt60', () => {
    const click = new Float32Array(SR / 10);
    click[0] = 1;
    const tailEnergy = (rt60: number) => {
      const y = room(click, SR, rt60, 0.5, seededRandom(1));
      expect(y.length).toBe(click.length + Math.round(rt60 * SR));
      return rms(y.subarray(Math.round(0.3 * SR), Math.round(0.5 * SR)));
    };
    expect(tailEnergy(1.5)).toBeGreaterThan(tailEnergy(0.3) * 5);
    const y = room(click, SR, 1, 0.5, seededRandom(1));
    expect(rms(y.subarray(Math.round(0.1 * SR), Math.round(0.3 * SR)))).toBeGreaterThan(
      rms(y.subarray(Math.round(0.8 * SR), Math.round(1 * SR))) * 3,
    );
    expect(y.every(Number.isFinite)).toBe(true);
  });

  it('resamples to another rate, and the air band adds energy above the old Nyquist only', () => {
    const x = tone(2000, 16000, 1).map((v, i) => v + Math.sin((2 * Math.PI * 6000 * i) / 16000));
    const up = resampleTo(x, 16000, SR);
    expect(up.length).toBe(SR);
    // 6 kHz shifted by 0.9 × 8 kHz lands at 13.2 kHz; 2 kHz stays below the band
    expect(amplitudeAt(up, 13200)).toBeLessThan(0.005);
    const aired = addAir(up, SR, 8000, -12);
    expect(amplitudeAt(aired, 13200)).toBeGreaterThan(0.05);
    expect(amplitudeAt(aired, 2000)).toBeCloseTo(amplitudeAt(up, 2000), 1);
    expect(amplitudeAt(aired, 1200)).toBeLessThan(0.01);
    expect(resampleTo(x, 16000, 8000).length).toBe(8000);
  });

  it('finish sets the peak and fades out; EQ and clipping stay finite and bounded', () => {
    const y = finish(tone(440), SR, -6);
    expect(peak(y)).toBeCloseTo(10 ** (-6 / 20), 2);
    expect(Math.abs(y[y.length - 1] as number)).toBeLessThan(0.01);
    expect(finish(new Float32Array(100), SR, -6).every((v) => v === 0)).toBe(true);
    expect(formantEq(tone(440), SR, seededRandom(3)).every(Number.isFinite)).toBe(true);
    expect(peak(softClip(tone(440), 3))).toBeLessThanOrEqual(1.0001);
  });
});
