import type { ValueSource } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import { writtenNumber } from './writtenNumber';
import { midiToNoteName } from '../../../shared/music';
import type { PitchEstimate } from '../pitch/rootNote';

export interface RootAnswer {
  rootNote: string | null;
  rootMidi: number | null;
  rootCents: number | null;
  confidence: number | null;
  source: ValueSource | null;
}

const NONE: RootAnswer = {
  rootNote: null,
  rootMidi: null,
  rootCents: null,
  confidence: null,
  source: null,
};

/** Pitch-class distance in semitones (0 … 6). */
function pcDistance(a: number, b: number): number {
  const d = (((a - b) % 12) + 12) % 12;
  return Math.min(d, 12 - d);
}

/**
 * Root note of a tonal one-shot. A root written in the file (smpl/acid) or its name wins
 * when plausible: a MIDI note 0–127 that a confident measurement does not contradict
 * (the measured pitch class must be within a semitone of it). Otherwise the measured
 * pitch, when confident enough (`minConfidence`).
 */
export function resolveRoot(
  audio: PitchEstimate | null,
  minConfidence: number,
  embedded?: EmbeddedMetadata,
  hints?: NameHints,
): RootAnswer {
  for (const [midi, source] of writtenNumber('rootMidi', embedded, hints)) {
    if (midi === undefined || !Number.isInteger(midi) || midi < 0 || midi > 127) continue;
    if (audio && audio.confidence >= 0.8 && pcDistance(audio.midi, midi) > 1) continue;
    const cents = audio && audio.midi === midi ? audio.cents : null;
    return {
      rootNote: midiToNoteName(midi),
      rootMidi: midi,
      rootCents: cents,
      confidence: source === 'embedded' ? 0.99 : 0.95,
      source,
    };
  }
  if (!audio || audio.confidence < minConfidence) return NONE;
  return {
    rootNote: midiToNoteName(audio.midi),
    rootMidi: audio.midi,
    rootCents: audio.cents,
    confidence: Math.round(audio.confidence * 1000) / 1000,
    source: 'audio',
  };
}
