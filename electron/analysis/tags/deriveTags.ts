import type { Descriptors } from '../../../shared/contract/analysis';
import type { DescriptorTag } from '../../../shared/taxonomy';
import type { SampleKind } from '../../../shared/taxonomy';

export interface TagInputs {
  descriptors: Descriptors;
  kind: SampleKind;
  channels: number;
  /** Integrated loudness; null for silence (a silent file gets no tags). */
  lufs: number | null;
  /** A confident root note or key was found. */
  tonal: boolean;
  /** Steady noise (quality/steadyNoise.ts). */
  noise?: boolean;
  /** A single-cycle / very short periodic waveform (kind/singleCycle.ts). */
  singleCycle?: boolean;
}

/**
 * Human tags derived from descriptors. Thresholds are documented in docs/analysis.md;
 * they are suggestions the user can override (stored as automatic tags).
 */
export function deriveTags(inp: TagInputs): DescriptorTag[] {
  const d = inp.descriptors;
  const tags: DescriptorTag[] = [];
  if (inp.lufs === null) return inp.channels === 1 ? ['mono'] : [];
  if (d.spectralCentroidHz >= 3500) tags.push('bright');
  else if (d.spectralCentroidHz > 0 && d.spectralCentroidHz < 900) tags.push('dark');
  if (d.attackSec <= 0.005 && d.crestFactorDb >= 10) tags.push('punchy');
  else if (d.attackSec >= 0.04) tags.push('soft');
  if (inp.kind === 'one-shot') {
    if (d.tailSec >= 1.5) tags.push('long-tail');
    else if (d.effectiveLengthSec <= 0.25) tags.push('short');
  }
  if (d.spectralFlatness >= 0.3) tags.push('noisy');
  if (inp.noise) tags.push('noise');
  if (inp.singleCycle) tags.push('single-cycle');
  if (inp.tonal) tags.push('tonal');
  if (inp.channels === 1 || (d.stereoWidth !== null && d.stereoWidth < 0.005)) tags.push('mono');
  else if (d.stereoWidth !== null && d.stereoWidth >= 0.25) tags.push('wide');
  if (d.clippedSamples >= 10) tags.push('clipped');
  if (d.subRatio >= 0.35) tags.push('sub');
  if (d.airRatio >= 0.08) tags.push('airy');
  return tags;
}
