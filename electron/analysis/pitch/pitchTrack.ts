import { decimate } from '../dsp/decimator';
import { yinFor } from './yin';

/** One frame of a whole-file pitch track. */
export interface TrackFrame {
  /** Start of the frame (s). */
  timeSec: number;
  /** Frame level (dB re full scale, mean square). */
  db: number;
  /** MIDI pitch (fractional), null where the frame is not periodic. */
  midi: number | null;
  /** YIN aperiodicity at the chosen period (0 periodic … 1 noise). */
  aperiodicity: number;
}

/** Rate the track is computed at: low enough for long lags, high enough for ~1 kHz. */
const TRACK_RATE = 5512.5;
/** Lowest fundamental tracked (Hz): a 5-string bass's low B is 31 Hz, sub drops go lower. */
export const TRACK_MIN_HZ = 25;
const TRACK_MAX_HZ = 1000;
/** Window (s): three periods of the lowest fundamental. */
const WINDOW_SEC = 0.12;
const HOP_SEC = 0.1;
/** At most this many frames (30 s): longer files are sampled evenly. */
const MAX_FRAMES = 300;
/** A frame is periodic below this YIN aperiodicity. */
const MAX_APERIODICITY = 0.35;
/** A period within 3 % of the longest lag searched is not trusted (see rootNote.ts). */
const EDGE_HZ = TRACK_MIN_HZ * 1.03;

/**
 * YIN over the whole excerpt with long windows (120 ms, every 100 ms) at ~5.5 kHz: the
 * pitch of every part of a sound, down to 25 Hz, for the checks that need more than the
 * sustained region after the main peak (a held note, a sub-bass thump).
 */
export function pitchTrack(x: Float32Array, sampleRate: number): TrackFrame[] {
  const factor = Math.max(1, Math.round(sampleRate / TRACK_RATE));
  const y = factor > 1 ? decimate(x, factor) : x;
  const rate = sampleRate / factor;
  const window = Math.round(rate * WINDOW_SEC);
  const yin = yinFor(rate, TRACK_MIN_HZ, Math.min(TRACK_MAX_HZ, rate / 4), window);
  const last = y.length - yin.span;
  if (last < 0) return [];
  const hop = Math.max(Math.round(rate * HOP_SEC), Math.ceil(last / MAX_FRAMES));
  const out: TrackFrame[] = [];
  for (let s = 0; s <= last; s += hop) {
    let e = 0;
    for (let i = s; i < s + window; i++) e += (y[i] as number) ** 2;
    const db = 10 * Math.log10(e / window + 1e-20);
    const fr = yin.analyze(y, s);
    const periodic = fr.f0 > EDGE_HZ && fr.aperiodicity < MAX_APERIODICITY;
    out.push({
      timeSec: s / rate,
      db,
      midi: periodic ? 69 + 12 * Math.log2(fr.f0 / 440) : null,
      aperiodicity: fr.aperiodicity,
    });
  }
  return out;
}
