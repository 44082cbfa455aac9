import type { PcmEncoding } from './pcmEncoding';
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
