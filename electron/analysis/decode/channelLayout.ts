import type { Speaker } from './types';

/** Bit order of the WAVE_FORMAT_EXTENSIBLE dwChannelMask. */
const MASK_SPEAKERS: Speaker[] = [
  'FL',
  'FR',
  'FC',
  'LFE',
  'BL',
  'BR',
  'FLC',
  'FRC',
  'BC',
  'SL',
  'SR',
  'TC',
];

/** Default layouts by channel count (as ffmpeg guesses them for WAV/AIFF without a mask). */
const DEFAULTS: Record<number, Speaker[]> = {
  1: ['FC'],
  2: ['FL', 'FR'],
  3: ['FL', 'FR', 'FC'],
  4: ['FL', 'FR', 'FC', 'BC'],
  5: ['FL', 'FR', 'FC', 'BL', 'BR'],
  6: ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR'],
  7: ['FL', 'FR', 'FC', 'LFE', 'BC', 'SL', 'SR'],
  8: ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR', 'SL', 'SR'],
};

/** Vorbis / FLAC channel order (RFC 7845 §5.1.1.2). */
const VORBIS: Record<number, Speaker[]> = {
  1: ['FC'],
  2: ['FL', 'FR'],
  3: ['FL', 'FC', 'FR'],
  4: ['FL', 'FR', 'BL', 'BR'],
  5: ['FL', 'FC', 'FR', 'BL', 'BR'],
  6: ['FL', 'FC', 'FR', 'BL', 'BR', 'LFE'],
  7: ['FL', 'FC', 'FR', 'SL', 'SR', 'BC', 'LFE'],
  8: ['FL', 'FC', 'FR', 'SL', 'SR', 'BL', 'BR', 'LFE'],
};

function fill(base: Speaker[] | undefined, channels: number): Speaker[] {
  const out: Speaker[] = [];
  for (let c = 0; c < channels; c++) out.push(base?.[c] ?? 'OTHER');
  return out;
}

export function defaultLayout(channels: number): Speaker[] {
  return fill(DEFAULTS[channels], channels);
}

/** FLAC channel assignment (RFC 9639 §9.1.3): the WAV order, except quad = FL FR BL BR. */
const FLAC: Record<number, Speaker[]> = { ...DEFAULTS, 4: ['FL', 'FR', 'BL', 'BR'] };

export function vorbisLayout(channels: number): Speaker[] {
  return fill(VORBIS[channels], channels);
}

export function flacLayout(channels: number): Speaker[] {
  return fill(FLAC[channels], channels);
}

/** Speakers named by a WAVE_FORMAT_EXTENSIBLE mask, in channel order (extras are OTHER). */
export function layoutFromMask(mask: number, channels: number): Speaker[] {
  if (mask === 0) return defaultLayout(channels);
  const named: Speaker[] = [];
  for (let bit = 0; bit < 32 && named.length < channels; bit++) {
    if ((mask >>> bit) & 1) named.push(MASK_SPEAKERS[bit] ?? 'OTHER');
  }
  return fill(named, channels);
}
