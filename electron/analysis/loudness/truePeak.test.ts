import { describe, expect, it } from 'vitest';
import { TruePeakMeter, oversamplingFactor, polyphaseFilter } from './truePeak';

/** Every interpolated value of every phase, no shortcut: what the meter must equal. */
function bruteForcePeak(channels: Float32Array[], sampleRate: number): number {
  const { factor, taps, coeffs } = polyphaseFilter(oversamplingFactor(sampleRate));
  let peak = 0;
  for (const x of channels) {
    const w = new Float64Array(taps - 1 + x.length);
    w.set(x, taps - 1);
    for (let n = 0; n < x.length; n++) {
      peak = Math.max(peak, Math.abs(x[n] as number));
      for (let p = 1; p < factor; p++) {
        let acc = 0;
        for (let k = 0; k < taps; k++)
          acc += (coeffs[p * taps + k] as number) * (w[n + taps - 1 - k] as number);
        peak = Math.max(peak, Math.abs(acc));
      }
    }
  }
  return peak;
}

function signal(frames: number, seed: number): Float32Array {
  let s = seed;
  const x = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const r = s / 2147483648;
    // Quiet dither with rare loud clicks and a silent stretch: every path of the skipping.
    const quiet = Math.round((r * 2 - 1) * 1.5) / 32768;
    x[i] = i % 997 === 0 ? (r - 0.5) * 1.6 : i > frames / 2 && i < (3 * frames) / 4 ? 0 : quiet;
  }
  return x;
}

describe('TruePeakMeter', () => {
  it('equals the unskipped oversampler exactly, whatever the block sizes', () => {
    for (const sampleRate of [22050, 44100, 48000, 96000, 192000]) {
      for (const blockSize of [1, 7, 16, 100, 4096]) {
        const channels = [signal(9000, sampleRate + blockSize), signal(9000, blockSize)];
        const meter = new TruePeakMeter(sampleRate, 2);
        for (let i = 0; i < 9000; i += blockSize) {
          const frames = Math.min(blockSize, 9000 - i);
          meter.push({ frames, channels: channels.map((c) => c.subarray(i, i + frames)) });
        }
        expect(meter.truePeakLinear).toBe(bruteForcePeak(channels, sampleRate));
      }
    }
  });

  it('finds an inter-sample peak between samples after a quiet passage', () => {
    const sampleRate = 48000;
    const meter = new TruePeakMeter(sampleRate, 1);
    const quietDc = new Float32Array(4800).fill(0.01);
    // A sine at fs/4 sampled 45° off its crests: samples at ±0.5·√2/2, true peak 0.5.
    const sine = Float32Array.from(
      { length: 4800 },
      (_, i) => Math.sin((Math.PI / 2) * i + Math.PI / 4) * 0.5,
    );
    meter.push({ frames: quietDc.length, channels: [quietDc] });
    meter.push({ frames: sine.length, channels: [sine] });
    expect(meter.samplePeakLinear).toBeCloseTo(0.3536, 3);
    const whole = new Float32Array(9600);
    whole.set(quietDc);
    whole.set(sine, 4800);
    expect(meter.truePeakLinear).toBe(bruteForcePeak([whole], sampleRate));
    expect(meter.truePeakLinear).toBeGreaterThan(0.49);
  });
});
