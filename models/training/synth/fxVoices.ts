/**
 * Sound effects synthesised from random parameters, the kinds a producer's fx folder
 * holds: risers and downlifters, impacts, filter sweeps, whooshes, glitches and noise
 * bursts, foley-like textures (crackle, rustle, steps, drops, wind) and UI sounds
 * (blips, beeps, notification chimes, alarms, zaps, error buzzes). Every sound is `fx`
 * by construction; `p` draws the parameters and the noise.
 */
import { biquad } from '../biquad';
import { room, softClip, svf } from '../soundShaping';
import type { Random } from './random';

export const FX_TYPES = [
  'riser',
  'downlifter',
  'impact',
  'sweep',
  'whoosh',
  'glitch',
  'foley',
  'ui',
] as const;
export type FxType = (typeof FX_TYPES)[number];

export interface FxSound {
  /** What was made (e.g. `riser, noise + saw, 4.2 s`), for the manifest's detail. */
  variant: string;
  samples: Float32Array;
}

const TWO_PI = 2 * Math.PI;

function noise(len: number, p: Random): Float32Array {
  const out = new Float32Array(len);
  for (let i = 0; i < len; i++) out[i] = p.noise();
  return out;
}

/** An oscillator whose frequency follows `freq(t)`; shapes: sine, saw, square, triangle. */
function osc(
  len: number,
  sr: number,
  shape: 'sine' | 'saw' | 'square' | 'tri',
  freq: (t: number) => number,
): Float32Array {
  const out = new Float32Array(len);
  let ph = 0;
  for (let i = 0; i < len; i++) {
    const x = ph - Math.floor(ph);
    out[i] =
      shape === 'sine'
        ? Math.sin(TWO_PI * x)
        : shape === 'saw'
          ? 2 * x - 1
          : shape === 'square'
            ? x < 0.5
              ? 1
              : -1
            : 1 - 4 * Math.abs(x - 0.5);
    ph += freq(i / sr) / sr;
  }
  return out;
}

function scaleBy(x: Float32Array, env: (t: number) => number, sr: number): Float32Array {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * env(i / sr);
  return x;
}

function add(into: Float32Array, from: Float32Array, gain: number, at = 0): Float32Array {
  for (let i = 0; i < from.length && at + i < into.length; i++)
    into[at + i] = (into[at + i] as number) + gain * (from[i] as number);
  return into;
}

const logSweep = (f0: number, f1: number, T: number) => (t: number) =>
  f0 * Math.pow(f1 / f0, Math.min(1, t / T));

function riser(p: Random, sr: number, down: boolean): FxSound {
  const T = down ? p.range(0.8, 4) : p.range(1.5, 8);
  const len = Math.round(T * sr);
  const lo = p.logRange(150, 800);
  const hi = p.logRange(3000, 12000);
  const [f0, f1] = down ? [hi, lo] : [lo, hi];
  const withTone = p.chance(0.6);
  const curve = p.range(1, 3);
  const q = p.range(0.7, 6);
  const filt = logSweep(f0, f1, T);
  const out = svf(noise(len, p), sr, p.chance(0.5) ? 'band' : 'low', (i) => filt(i / sr), q);
  if (withTone) {
    const shape = p.chance(0.5) ? 'saw' : 'sine';
    const t0 = p.logRange(80, 400);
    const ratio = Math.pow(2, p.range(1, 3));
    const tone = osc(len, sr, shape, logSweep(down ? t0 * ratio : t0, down ? t0 : t0 * ratio, T));
    add(out, tone, p.range(0.2, 0.8));
  }
  // rising (or falling) level, then a short release
  scaleBy(out, (t) => (down ? Math.pow(1 - t / T, curve) : Math.pow(t / T, curve)), sr);
  return {
    variant: `${down ? 'downlifter' : 'riser'}, noise${withTone ? ' + tone' : ''}, ${T.toFixed(1)} s`,
    samples: out,
  };
}

function impact(p: Random, sr: number): FxSound {
  const tail = p.range(0.8, 4);
  const len = Math.round(tail * sr);
  const f0 = p.logRange(80, 250);
  const f1 = p.logRange(28, 55);
  const tau = p.logRange(0.15, 0.8);
  const boom = scaleBy(
    osc(len, sr, 'sine', (t) => f1 + (f0 - f1) * Math.exp(-t / 0.05)),
    (t) => Math.exp(-t / tau),
    sr,
  );
  const burst = scaleBy(
    biquad(noise(Math.round(0.3 * sr), p), sr, 'highpass', p.logRange(200, 2000)),
    (t) => Math.exp(-t / p.range(0.02, 0.08)),
    sr,
  );
  add(boom, burst, p.range(0.3, 1));
  const wet = room(boom, sr, p.range(1, 3), p.range(0.3, 0.6), p).subarray(0, len);
  const driven = p.chance(0.5) ? softClip(wet, p.range(1.5, 4)) : wet;
  return {
    variant: `impact, ${f0.toFixed(0)}→${f1.toFixed(0)} Hz boom, ${tail.toFixed(1)} s`,
    samples: driven,
  };
}

function sweep(p: Random, sr: number): FxSound {
  const T = p.range(0.5, 3);
  const len = Math.round(T * sr);
  const up = p.chance(0.5);
  const lo = p.logRange(100, 600);
  const hi = p.logRange(2500, 14000);
  const f = logSweep(up ? lo : hi, up ? hi : lo, T);
  const src = p.chance(0.5) ? noise(len, p) : osc(len, sr, 'saw', () => p.logRange(50, 200));
  const out = svf(src, sr, 'band', (i) => f(i / sr), p.range(3, 12));
  scaleBy(out, (t) => Math.sin((Math.PI * t) / T) ** 0.5, sr);
  return { variant: `${up ? 'up' : 'down'} filter sweep, ${T.toFixed(1)} s`, samples: out };
}

function whoosh(p: Random, sr: number): FxSound {
  const T = p.range(0.3, 1.6);
  const len = Math.round(T * sr);
  const peakAt = p.range(0.3, 0.7);
  const lo = p.logRange(200, 700);
  const hi = p.logRange(1500, 7000);
  const centre = (t: number) => {
    const u = t / T;
    const w = u < peakAt ? u / peakAt : (1 - u) / (1 - peakAt);
    return lo * Math.pow(hi / lo, w);
  };
  const out = svf(noise(len, p), sr, 'band', (i) => centre(i / sr), p.range(0.8, 3));
  scaleBy(
    out,
    (t) => {
      const u = t / T;
      return Math.pow(u < peakAt ? u / peakAt : (1 - u) / (1 - peakAt), 1.5);
    },
    sr,
  );
  return { variant: `whoosh, ${T.toFixed(2)} s`, samples: out };
}

function glitch(p: Random, sr: number): FxSound {
  const slices = 3 + Math.floor(p.next() * 10);
  const parts: Float32Array[] = [];
  for (let s = 0; s < slices; s++) {
    const n = Math.round(p.logRange(0.01, 0.12) * sr);
    const kind = p.next();
    let x: Float32Array;
    if (kind < 0.4) x = biquad(noise(n, p), sr, 'bandpass', p.logRange(300, 8000), p.range(0.7, 4));
    else if (kind < 0.7) x = osc(n, sr, 'square', () => p.logRange(100, 3000));
    else x = new Float32Array(n); // a gap
    const crush = Math.pow(2, Math.floor(p.range(2, 7)));
    const repeats = p.chance(0.4) ? 2 + Math.floor(p.next() * 4) : 1;
    const q = x.map((v) => Math.round(v * crush) / crush);
    for (let r = 0; r < repeats; r++) parts.push(q);
  }
  const total = parts.reduce((a, b) => a + b.length, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { variant: `glitch, ${slices} slices`, samples: out };
}

function foley(p: Random, sr: number): FxSound {
  const kind = Math.floor(p.next() * 5);
  const T = p.range(0.4, 2.5);
  const len = Math.round(T * sr);
  if (kind === 0) {
    // crackle: sparse filtered clicks
    const out = new Float32Array(len);
    const rate = p.logRange(20, 400);
    for (let i = 0; i < len; i++) if (p.next() < rate / sr) out[i] = p.noise();
    return {
      variant: 'foley crackle',
      samples: biquad(out, sr, 'highpass', p.logRange(500, 3000)),
    };
  }
  if (kind === 1) {
    // rustle: band noise with a random, slowly moving level
    const band = biquad(noise(len, p), sr, 'bandpass', p.logRange(1500, 7000), p.range(0.5, 1.5));
    let level = 0;
    const speed = p.logRange(5, 40) / sr;
    return {
      variant: 'foley rustle',
      samples: band.map((v) => {
        level += speed * (p.next() - level);
        return v * level * 3;
      }),
    };
  }
  if (kind === 2) {
    // steps / knocks: a few low thumps with a click
    const out = new Float32Array(len);
    const n = 1 + Math.floor(p.next() * 4);
    const body = p.logRange(80, 400);
    for (let s = 0; s < n; s++) {
      const at = Math.round((s / n) * len * 0.8);
      const hit = biquad(noise(Math.round(0.15 * sr), p), sr, 'lowpass', body * 3);
      add(
        out,
        scaleBy(hit, (t) => Math.exp(-t / p.range(0.01, 0.05)), sr),
        p.range(0.5, 1),
        at,
      );
    }
    return { variant: `foley steps (${n})`, samples: out };
  }
  if (kind === 3) {
    // drops: short upward sine chirps (water)
    const out = new Float32Array(len);
    const n = 1 + Math.floor(p.next() * 6);
    for (let s = 0; s < n; s++) {
      const f0 = p.logRange(400, 1500);
      const d = Math.round(p.range(0.02, 0.08) * sr);
      const drop = scaleBy(
        osc(d, sr, 'sine', (t) => f0 * (1 + 40 * t)),
        (t) => Math.exp(-t / 0.015),
        sr,
      );
      add(out, drop, p.range(0.4, 1), Math.round(p.next() * (len - d)));
    }
    return { variant: `foley drops (${n})`, samples: out };
  }
  // wind: low-passed noise with a slowly moving cutoff
  const rate = p.range(0.2, 1.5);
  const base = p.logRange(300, 1200);
  const out = svf(
    noise(len, p),
    sr,
    'band',
    (i) => base * (1 + 0.6 * Math.sin((TWO_PI * rate * i) / sr)),
    p.range(1, 4),
  );
  return {
    variant: 'foley wind',
    samples: scaleBy(out, (t) => Math.min(1, t / 0.2, (T - t) / 0.3), sr),
  };
}

function ui(p: Random, sr: number): FxSound {
  const kind = Math.floor(p.next() * 6);
  const shape = p.chance(0.6) ? 'sine' : p.chance(0.5) ? 'square' : 'tri';
  const decay = (x: Float32Array, tau: number) =>
    scaleBy(x, (t) => Math.min(1, t / 0.003) * Math.exp(-t / tau), sr);
  if (kind === 0) {
    const T = p.range(0.03, 0.3);
    const f0 = p.logRange(300, 3000);
    const f1 = f0 * Math.pow(2, p.range(-1.5, 1.5));
    return {
      variant: `ui blip ${shape}`,
      samples: decay(osc(Math.round(T * sr), sr, shape, logSweep(f0, f1, T)), T / 2),
    };
  }
  if (kind === 1) {
    // beeps: one tone, repeated
    const f = p.logRange(400, 3000);
    const on = p.range(0.06, 0.4);
    const n = 1 + Math.floor(p.next() * 3);
    const out = new Float32Array(Math.round(n * on * 1.8 * sr));
    for (let s = 0; s < n; s++)
      add(
        out,
        scaleBy(
          osc(Math.round(on * sr), sr, shape, () => f),
          (t) => Math.min(1, t / 0.003, (on - t) / 0.003),
          sr,
        ),
        1,
        Math.round(s * on * 1.8 * sr),
      );
    return { variant: `ui beep ×${n}`, samples: out };
  }
  if (kind === 2) {
    // notification chime: 2–4 decaying bell partials, arpeggiated
    const n = 2 + Math.floor(p.next() * 3);
    const step = p.range(0.06, 0.2);
    const tau = p.range(0.15, 0.8);
    const root = p.logRange(500, 1800);
    const ratios = [1, 1.25, 1.5, 2, 2.5, 3];
    const out = new Float32Array(Math.round((n * step + 5 * tau) * sr));
    for (let s = 0; s < n; s++) {
      const f = root * (ratios[Math.floor(p.next() * ratios.length)] as number);
      const len = Math.round(5 * tau * sr);
      const bell = osc(len, sr, 'sine', () => f);
      add(
        bell,
        osc(len, sr, 'sine', () => f * 2.76),
        p.range(0.1, 0.4),
      );
      add(out, decay(bell, tau), 1, Math.round(s * step * sr));
    }
    return { variant: `ui chime (${n} notes)`, samples: out };
  }
  if (kind === 3) {
    // alarm / ring: two alternating tones
    const fa = p.logRange(500, 2000);
    const fb = fa * p.range(1.1, 1.6);
    const rate = p.range(4, 20);
    const T = p.range(0.5, 2);
    const out = osc(Math.round(T * sr), sr, shape, (t) =>
      Math.floor(t * rate) % 2 === 0 ? fa : fb,
    );
    return {
      variant: 'ui alarm',
      samples: scaleBy(out, (t) => Math.min(1, t / 0.005, (T - t) / 0.01), sr),
    };
  }
  if (kind === 4) {
    // zap / laser: fast downward chirp
    const T = p.range(0.08, 0.5);
    const f0 = p.logRange(1500, 6000);
    const f1 = p.logRange(80, 400);
    return {
      variant: 'zap',
      samples: decay(
        osc(Math.round(T * sr), sr, p.chance(0.5) ? 'square' : 'saw', logSweep(f0, f1, T)),
        T / 2,
      ),
    };
  }
  // error buzz: low square, short
  const T = p.range(0.15, 0.6);
  const f = p.logRange(90, 250);
  const out = biquad(
    osc(Math.round(T * sr), sr, 'square', () => f),
    sr,
    'lowpass',
    p.logRange(1500, 5000),
  );
  return {
    variant: 'ui error buzz',
    samples: scaleBy(out, (t) => Math.min(1, t / 0.005, (T - t) / 0.01), sr),
  };
}

/** One sound of type `type`, drawn from `p`, at `sr` Hz. */
export function makeFx(type: FxType, p: Random, sr: number): FxSound {
  switch (type) {
    case 'riser':
      return riser(p, sr, false);
    case 'downlifter':
      return riser(p, sr, true);
    case 'impact':
      return impact(p, sr);
    case 'sweep':
      return sweep(p, sr);
    case 'whoosh':
      return whoosh(p, sr);
    case 'glitch':
      return glitch(p, sr);
    case 'foley':
      return foley(p, sr);
    case 'ui':
      return ui(p, sr);
  }
}
