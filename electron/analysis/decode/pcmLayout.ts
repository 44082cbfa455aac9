import { AppError } from '../../../shared/result';
import type { HeaderFacts } from '../../../shared/formats/headerFacts';
import { defaultLayout, layoutFromMask } from './channelLayout';
import { pcmEncodingOf, type PcmEncoding } from '../../../shared/formats/pcm';
import type { Speaker } from './types';

/** Where and how the PCM payload of a WAV/AIFF file is stored. */
export interface PcmLayout {
  format: 'wav' | 'aiff';
  sampleRate: number;
  channels: number;
  encoding: PcmEncoding;
  /** Significant bits per sample (≤ container bits). */
  bitDepth: number;
  /** Bytes per frame (all channels). */
  blockAlign: number;
  dataOffset: number;
  /** Whole frames actually present in the file. */
  frames: number;
  /** Frames the header declares (may exceed `frames` when the file is truncated). */
  declaredFrames: number;
  layout: Speaker[];
  warnings: string[];
}

/**
 * The PCM layout of a WAV/AIFF file from its header facts (shared/formats). A file cut
 * before any of its declared audio is TRUNCATED_FILE; one cut inside it decodes what is
 * there, with a warning.
 */
export function pcmLayoutOf(facts: HeaderFacts & { format: 'wav' | 'aiff' }): PcmLayout {
  const encoding = pcmEncodingOf(facts.codec);
  const blockAlign = encoding.bytesPerSample * facts.channels;
  const frames = facts.frames ?? Math.floor(facts.audioLength / blockAlign);
  const declaredFrames = facts.declaredFrames ?? frames;
  const warnings: string[] = [];
  if (declaredFrames > frames) {
    if (frames === 0) {
      throw new AppError(
        'TRUNCATED_FILE',
        `the file was cut before the audio: the header declares ${declaredFrames} frames, none are present`,
      );
    }
    warnings.push(
      `truncated: the header declares ${declaredFrames} frames, the file holds ${frames}`,
    );
  }
  return {
    format: facts.format,
    sampleRate: facts.sampleRate,
    channels: facts.channels,
    encoding,
    bitDepth: facts.bitDepth ?? encoding.bytesPerSample * 8,
    blockAlign,
    dataOffset: facts.audioOffset,
    frames,
    declaredFrames,
    layout:
      facts.format === 'wav' && facts.channelMask !== 0
        ? layoutFromMask(facts.channelMask, facts.channels)
        : defaultLayout(facts.channels),
    warnings,
  };
}
