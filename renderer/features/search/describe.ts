import type { DescribeParse } from '../../../shared/contract/similar';

/** One "understood" chip shown under the search box. */
export interface DescribeChip {
  kind: 'class' | 'loop' | 'not' | 'type' | 'tag' | 'avoid' | 'bpm' | 'key' | 'length' | 'like';
  label: string;
}

/** True when the search text is worth sending to the describe parser (two or more words). */
export function looksLikeDescription(text: string): boolean {
  return text.trim().split(/\s+/).filter(Boolean).length >= 2;
}

function bpmLabel(bpm: NonNullable<DescribeParse['bpm']>): string {
  if (bpm.target !== null) return `${Math.round(bpm.target)} BPM`;
  return `${Math.round(bpm.min)}–${Math.round(bpm.max)} BPM`;
}

function durationLabel(d: NonNullable<DescribeParse['durationSec']>): string {
  if (d.min !== undefined && d.max !== undefined) return `${d.min}–${d.max} s`;
  if (d.max !== undefined) return `under ${d.max} s`;
  return `over ${d.min ?? 0} s`;
}

/** The chips that say what the parser understood: class, kind, tags, BPM, key, length, reference. */
export function describeChips(p: DescribeParse): DescribeChip[] {
  const chips: DescribeChip[] = [];
  for (const c of p.classes) chips.push({ kind: 'class', label: c });
  for (const c of p.loopClasses) chips.push({ kind: 'loop', label: `${c} loop` });
  for (const c of p.excludeClasses) chips.push({ kind: 'not', label: `not ${c}` });
  if (p.kind) chips.push({ kind: 'type', label: p.kind });
  for (const t of p.tags) chips.push({ kind: 'tag', label: t });
  for (const t of p.avoidTags) chips.push({ kind: 'avoid', label: `not ${t}` });
  if (p.bpm) chips.push({ kind: 'bpm', label: bpmLabel(p.bpm) });
  if (p.key) chips.push({ kind: 'key', label: p.key });
  if (p.durationSec) chips.push({ kind: 'length', label: durationLabel(p.durationSec) });
  else if (p.length) chips.push({ kind: 'length', label: p.length });
  if (p.bars !== null) chips.push({ kind: 'length', label: `${p.bars} bars` });
  if (p.like)
    chips.push({
      kind: 'like',
      label: 'name' in p.like ? `like ${p.like.name}` : `like #${p.like.id}`,
    });
  return chips;
}
