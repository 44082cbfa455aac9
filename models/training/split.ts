/**
 * Deterministic train / validation / test split BY GROUP, never by file.
 *
 * - Test ("held out") = whole sources the model never sees: the TimGM6mb soundfont
 *   (every program and drum kit), the hydrogen kits in TEST_GROUPS, lmms' drums and
 *   strings/pads folders.
 * - Validation (early stopping, temperature scaling, threshold) = the kits in
 *   VAL_GROUPS and, for the training soundfonts, the GM programs chosen by
 *   `valPrograms()` (about a quarter of each class's programs, picked by a fixed hash,
 *   held out of every training soundfont at once; freepats' instruments likewise).
 * - Everything else trains: the other hydrogen kits and lmms folders, the Sonic
 *   Pi samples (`sonicpi:<prefix>`), the synthesised drums (`synth:<class>`), the speech
 *   voices not in VAL_GROUPS (`speech:<engine>-<voice>`) and four of every five blocks of
 *   synthesised effects (`synthfx:<type>:b<block>`; the fifth validates).
 * Groups not known here fall back to a fixed hash of the group name (70/15/15).
 */
import type { OneShotClass } from '../../shared/taxonomy';
import { gmProgramClass, gmPrograms } from './gmMapping';
import type { Split } from './manifestTypes';
import { SOUNDFONTS } from './soundfonts';

export const TEST_GROUPS: readonly string[] = [
  'kit:TR808EmulationKit',
  'kit:ForzeeStereo',
  'kit:Gimme A Hand 1.0',
  'lmms:drums',
  'lmms:stringsnpads',
  'lmms:beats',
];

export const VAL_GROUPS: readonly string[] = [
  'kit:black-pearl',
  'kit:Audiophob',
  'kit:VariBreaks',
  'kit:red-zeppelin',
  'kit:circAfrique v4',
  'lmms:bassloops',
  // speech voices training never hears (speechVocals.ts)
  'speech:festival-ked_diphone',
  'speech:festival-suo_fi_lj_diphone',
  'speech:flite-awb',
];

/** Instrument sets grouped like a training soundfont (`<set>:drums`, `<set>:gm<program>`). */
export const TRAIN_PATCH_SETS: readonly string[] = ['freepats'];

/** 32-bit FNV-1a of a string: the fixed hash used for every "random" choice. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** GM programs held out for validation: per class, a quarter (at least one) by hash order. */
export function valPrograms(): Set<number> {
  const byClass = new Map<OneShotClass, number[]>();
  for (const p of gmPrograms()) {
    const cls = (gmProgramClass(p) as { cls: OneShotClass }).cls;
    byClass.set(cls, [...(byClass.get(cls) ?? []), p]);
  }
  const out = new Set<number>();
  for (const programs of byClass.values()) {
    const ordered = [...programs].sort((a, b) => fnv1a(`gm:${a}`) - fnv1a(`gm:${b}`) || a - b);
    const n = Math.max(1, Math.round(programs.length / 4));
    for (const p of ordered.slice(0, n)) out.add(p);
  }
  return out;
}

const VAL_PROGRAMS = valPrograms();

/**
 * Split group of a soundfont render: `<sf>:gm<program>` for melodic notes (the same
 * program of every training soundfont shares one split), `<sf>:drums` for drum kits.
 */
export function renderGroup(sfId: string, program: number | null): string {
  return program === null ? `${sfId}:drums` : `${sfId}:gm${program}`;
}

/** The split of a group (deterministic; the same group always gets the same split). */
export function splitOfGroup(group: string): Split {
  if (TEST_GROUPS.includes(group)) return 'test';
  if (VAL_GROUPS.includes(group)) return 'val';
  const m = /^([a-z0-9-]+):(gm(\d+)|drums)$/.exec(group);
  const role = m
    ? (SOUNDFONTS.find((s) => s.id === m[1])?.role ??
      (TRAIN_PATCH_SETS.includes(m[1] as string) ? 'train' : undefined))
    : undefined;
  if (m && role) {
    if (role === 'test') return 'test';
    if (m[3] !== undefined && VAL_PROGRAMS.has(Number(m[3]))) return 'val';
    return 'train';
  }
  // synthesised effects: blocks of seeds (synthFx.ts), every fifth block validates
  const fx = /^synthfx:[a-z]+:b(\d+)$/.exec(group);
  if (fx) return Number(fx[1]) % 5 === 0 ? 'val' : 'train';
  if (['kit:', 'lmms:', 'sonicpi:', 'synth:', 'speech:'].some((prefix) => group.startsWith(prefix)))
    return 'train';
  const r = fnv1a(group) % 100;
  return r < 70 ? 'train' : r < 85 ? 'val' : 'test';
}
