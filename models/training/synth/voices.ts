/**
 * Drum voices synthesised from random parameters, in the ways drum machines and
 * sound designers make them: pitched sine sweeps (kicks, toms), tone + filtered noise
 * (snares), noise bursts (claps), banks of detuned square waves through band-pass
 * filters (hi-hats, cymbals, cowbells). The class of every sound is known by
 * construction. Parameters come from `p`, noise from `n`, so that two noise streams
 * with the same parameters make the two channels of a stereo sound.
 */
import type { OneShotClass } from '../../../shared/taxonomy';
import { biquad } from '../biquad';
import type { Random } from './random';

export type DrumClass = Extract<
  OneShotClass,
  'kick' | 'snare' | 'clap' | 'hihat' | 'cymbal' | 'tom' | 'percussion'
>;

export interface Voice {
  cls: DrumClass;
  /** What was made (e.g. `open hat`), for the manifest's detail. */
  variant: string;
  render(sampleRate: number, n: Random): Float32Array;
}

/** The 808's six hi-hat / cymbal square-wave frequencies (Hz). */
const METAL_808 = [205.3, 304.4, 369.6, 522.7, 540, 800];
/** Circular-membrane mode ratios (Bessel zeros relative to the fundamental). */
const MEMBRANE = [1, 1.594, 2.136, 2.296, 2.653, 2.918];

const frames = (seconds: number, sr: number) => Math.max(1, Math.round(seconds * sr));
/** Seconds for an exponential decay of time constant `tau` to fall 60 dB. */
const tail = (tau: number) => 6.9 * tau;

function envelope(out: Float32Array, sr: number, attack: number, tau: number): Float32Array {
  for (let i = 0; i < out.length; i++) {
    const t = i / sr;
    const a = t < attack ? t / attack : Math.exp(-(t - attack) / tau);
    out[i] = (out[i] as number) * a;
  }
  return out;
}

function noise(len: number, n: Random): Float32Array {
  const out = new Float32Array(len);
  for (let i = 0; i < len; i++) out[i] = n.noise();
  return out;
}

/** A sine whose frequency falls from `f0` to `f1` with time constant `tauPitch`. */
function sweep(len: number, sr: number, f0: number, f1: number, tauPitch: number): Float32Array {
  const out = new Float32Array(len);
  let phase = 0;
  for (let i = 0; i < len; i++) {
    out[i] = Math.sin(phase);
    const f = f1 + (f0 - f1) * Math.exp(-i / sr / tauPitch);
    phase += (2 * Math.PI * f) / sr;
  }
  return out;
}

/** Sum of square waves at `freqs` (random start phases), scaled to about ±1. */
function squares(len: number, sr: number, freqs: readonly number[], n: Random): Float32Array {
  const out = new Float32Array(len);
  for (const f of freqs) {
    const start = n.next();
    for (let i = 0; i < len; i++)
      out[i] += ((start + (i * f) / sr) % 1 < 0.5 ? 1 : -1) / freqs.length;
  }
  return out;
}

function mix(into: Float32Array, from: Float32Array, gain: number): Float32Array {
  for (let i = 0; i < Math.min(into.length, from.length); i++)
    into[i] = (into[i] as number) + gain * (from[i] as number);
  return into;
}

function drive(x: Float32Array, amount: number): Float32Array {
  const norm = Math.tanh(amount);
  for (let i = 0; i < x.length; i++) x[i] = Math.tanh(amount * (x[i] as number)) / norm;
  return x;
}

function kick(p: Random): Voice {
  const electronic = p.chance(0.6);
  const f1 = p.range(40, 68);
  const f0 = f1 * (electronic ? p.range(2.5, 8) : p.range(1.4, 3));
  const tauP = electronic ? p.logRange(0.006, 0.045) : p.logRange(0.008, 0.025);
  const tau = electronic ? p.logRange(0.07, 0.4) : p.logRange(0.05, 0.16);
  const click = p.range(0.05, electronic ? 0.35 : 0.6);
  const clickHz = p.logRange(1500, 6000);
  const amount = p.chance(0.5) ? p.range(1, 4) : 0;
  const seconds = Math.min(1.6, tail(tau) + 0.02);
  return {
    cls: 'kick',
    variant: electronic ? 'electronic kick' : 'acoustic kick',
    render(sr, n) {
      const len = frames(seconds, sr);
      const body = envelope(sweep(len, sr, f0, f1, tauP), sr, 0.001, tau);
      const beater = envelope(
        biquad(noise(frames(0.03, sr), n), sr, 'highpass', clickHz),
        sr,
        0.0005,
        0.004,
      );
      mix(body, beater, click);
      if (!electronic)
        mix(body, envelope(biquad(noise(len, n), sr, 'lowpass', 250), sr, 0.002, tau * 0.6), 0.3);
      return amount > 0 ? drive(body, amount) : body;
    },
  };
}

function tom(p: Random): Voice {
  const f1 = p.logRange(85, 260);
  const f0 = f1 * p.range(1.08, 1.6);
  const tauP = p.logRange(0.03, 0.12);
  const tau = p.logRange(0.08, 0.35);
  const modes = MEMBRANE.slice(1).map(() => p.range(0, 0.25));
  const stick = p.range(0.05, 0.35);
  const electronic = p.chance(0.35);
  const seconds = Math.min(2, tail(tau) + 0.02);
  return {
    cls: 'tom',
    variant: electronic ? 'electronic tom' : 'acoustic tom',
    render(sr, n) {
      const len = frames(seconds, sr);
      const out = envelope(sweep(len, sr, f0, f1, tauP), sr, 0.001, tau);
      if (!electronic)
        MEMBRANE.slice(1).forEach((ratio, i) =>
          mix(
            out,
            envelope(sweep(len, sr, f0 * ratio, f1 * ratio, tauP), sr, 0.001, tau * 0.4),
            modes[i] as number,
          ),
        );
      const hit = biquad(noise(frames(0.05, sr), n), sr, 'bandpass', p2(f1 * 8), 0.8);
      return mix(out, envelope(hit, sr, 0.0005, 0.008), stick);
    },
  };
}
/** Keeps a filter frequency in the audible band. */
const p2 = (hz: number) => Math.min(9000, Math.max(400, hz));

function snare(p: Random): Voice {
  const electronic = p.chance(0.5);
  const f1 = p.range(150, 260);
  const f2 = f1 * p.range(1.45, 1.85);
  const toneTau = p.logRange(0.02, 0.08);
  const noiseTau = p.logRange(electronic ? 0.03 : 0.06, electronic ? 0.14 : 0.22);
  const noiseGain = p.range(0.6, 1.6);
  const hp = p.logRange(700, 3000);
  const lp = p.logRange(6000, 14000);
  const seconds = Math.min(1.5, tail(Math.max(toneTau, noiseTau)) + 0.02);
  return {
    cls: 'snare',
    variant: electronic ? 'electronic snare' : 'acoustic snare',
    render(sr, n) {
      const len = frames(seconds, sr);
      const tone = envelope(sweep(len, sr, f1 * 1.15, f1, 0.01), sr, 0.0008, toneTau);
      mix(tone, envelope(sweep(len, sr, f2 * 1.1, f2, 0.01), sr, 0.0008, toneTau * 0.7), 0.6);
      const wires = biquad(biquad(noise(len, n), sr, 'highpass', hp), sr, 'lowpass', lp);
      return mix(tone, envelope(wires, sr, 0.001, noiseTau), noiseGain);
    },
  };
}

function clap(p: Random): Voice {
  const bursts = Math.floor(p.range(3, 6));
  const gaps = Array.from({ length: bursts }, () => p.range(0.005, 0.014));
  const centre = p.logRange(800, 2500);
  const q = p.range(0.6, 2);
  const tailTau = p.logRange(0.04, 0.2);
  const seconds = Math.min(1.5, gaps.reduce((a, b) => a + b, 0) + tail(tailTau) + 0.02);
  return {
    cls: 'clap',
    variant: `clap of ${bursts} bursts`,
    render(sr, n) {
      const len = frames(seconds, sr);
      const out = new Float32Array(len);
      let at = 0;
      gaps.forEach((gap, i) => {
        const last = i === gaps.length - 1;
        const burst = envelope(noise(len - frames(at, sr), n), sr, 0.0005, last ? tailTau : 0.004);
        out.set(
          burst.map((v, k) => v + (out[frames(at, sr) + k] as number)),
          frames(at, sr),
        );
        at += gap;
      });
      return biquad(out, sr, 'bandpass', centre, q);
    },
  };
}

function metalBank(p: Random): number[] {
  const k = p.range(0.75, 1.8);
  return p.chance(0.5)
    ? METAL_808.map((f) => f * k)
    : Array.from({ length: 6 }, () => p.logRange(250, 1100));
}

function hihat(p: Random): Voice {
  const open = p.chance(0.45);
  const freqs = metalBank(p);
  const noiseGain = p.range(0.3, 1);
  const centre = p.logRange(7000, 11500);
  const hp = p.logRange(5000, 8000);
  const tau = open ? p.logRange(0.08, 0.25) : p.logRange(0.008, 0.04);
  const seconds = Math.min(2, tail(tau) + 0.02);
  return {
    cls: 'hihat',
    variant: open ? 'open hat' : 'closed hat',
    render(sr, n) {
      const len = frames(seconds, sr);
      const out = mix(squares(len, sr, freqs, n), noise(len, n), noiseGain);
      biquad(biquad(out, sr, 'bandpass', centre, 0.9), sr, 'highpass', hp);
      return envelope(out, sr, 0.0005, tau);
    },
  };
}

function cymbal(p: Random): Voice {
  const banks = [metalBank(p), metalBank(p), metalBank(p)];
  const noiseGain = p.range(0.2, 1);
  const hp = p.logRange(2000, 5000);
  const lp = p.logRange(11000, 16000);
  const tau = p.logRange(0.28, 0.9);
  const attack = p.logRange(0.001, 0.012);
  const seconds = Math.min(4, tail(tau) + 0.02);
  return {
    cls: 'cymbal',
    variant: 'crash',
    render(sr, n) {
      const len = frames(seconds, sr);
      const out = noise(len, n);
      for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * noiseGain;
      for (const bank of banks) mix(out, squares(len, sr, bank, n), 0.6);
      biquad(biquad(out, sr, 'highpass', hp), sr, 'lowpass', lp);
      return envelope(out, sr, attack, tau);
    },
  };
}

function percussion(p: Random): Voice {
  const kind =
    (['cowbell', 'claves', 'woodblock'] as const)[Math.floor(p.range(0, 3))] ?? 'cowbell';
  const f =
    kind === 'cowbell'
      ? p.range(480, 620)
      : kind === 'claves'
        ? p.logRange(1800, 3000)
        : p.logRange(500, 1400);
  const tau = kind === 'cowbell' ? p.logRange(0.05, 0.2) : p.logRange(0.012, 0.05);
  const attack = 0.0005;
  const seconds = Math.min(1.5, attack + tail(tau) + 0.02);
  return {
    cls: 'percussion',
    variant: kind,
    render(sr, n) {
      const len = frames(seconds, sr);
      if (kind === 'cowbell')
        return envelope(
          biquad(squares(len, sr, [f, f * 1.48], n), sr, 'bandpass', f * 1.7, 1.5),
          sr,
          attack,
          tau,
        );
      const out = sweep(len, sr, f, f, 1);
      if (kind === 'woodblock') mix(out, sweep(len, sr, f * 2.4, f * 2.4, 1), 0.3);
      return envelope(out, sr, attack, tau);
    },
  };
}

export const VOICE_MAKERS: Readonly<Record<DrumClass, (p: Random) => Voice>> = {
  kick,
  snare,
  clap,
  hihat,
  cymbal,
  tom,
  percussion,
};
