import type { ValueSource } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import { writtenNumber } from './writtenNumber';
import { barFit, type TempoEstimate } from '../tempo/estimateTempo';

export interface TempoAnswer {
  bpm: number | null;
  confidence: number | null;
  source: ValueSource | null;
  beats: number | null;
}

const NONE: TempoAnswer = { bpm: null, confidence: null, source: null, beats: null };

function plausible(bpm: number | undefined): bpm is number {
  return bpm !== undefined && Number.isFinite(bpm) && bpm >= 30 && bpm <= 300;
}

/** True when `a` and `b` agree within 4 %, allowing half / double time. */
export function sameTempo(a: number, b: number): boolean {
  return [0.5, 1, 2].some((r) => Math.abs(a * r - b) / b <= 0.04);
}

/**
 * Tempo of a loop: embedded tempo (acid/tags) first, then a BPM written in the name,
 * then the audio. A written tempo is kept unless it is implausible: outside 30–300 BPM,
 * or contradicted by a confident audio estimate that the written value does not match
 * even at half/double time while also failing the loop's whole-bar fit.
 */
export function resolveTempo(
  audio: TempoEstimate | null,
  durationSec: number,
  isLoop: boolean,
  embedded?: EmbeddedMetadata,
  hints?: NameHints,
): TempoAnswer {
  for (const [bpm, source] of writtenNumber('bpm', embedded, hints)) {
    if (!plausible(bpm)) continue;
    const fit = barFit(bpm, durationSec);
    const contradicted =
      audio !== null && audio.confidence >= 0.6 && !sameTempo(bpm, audio.bpm) && fit.fit < 0.3;
    if (contradicted) continue;
    const beats =
      source === 'embedded' && embedded?.beats ? embedded.beats : fit.fit >= 0.3 ? fit.beats : null;
    return { bpm, confidence: source === 'embedded' ? 0.99 : 0.95, source, beats };
  }
  if (!isLoop || audio === null) return NONE;
  return {
    bpm: Math.round(audio.bpm * 100) / 100,
    confidence: Math.round(audio.confidence * 1000) / 1000,
    source: 'audio',
    beats: audio.beats,
  };
}
