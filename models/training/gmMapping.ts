/**
 * General MIDI programs and percussion keys → our classes (shared/taxonomy.ts).
 * Programs not listed are not rendered: they are ambiguous for our taxonomy
 * (chromatic percussion 8–15, timpani 47, orchestra hit 55, ethnic 104–111,
 * percussive 112–119).
 */
import type { OneShotClass } from '../../shared/taxonomy';

export interface GmProgramClass {
  cls: OneShotClass;
  /** GM family (program >> 3), used as the split group together with the soundfont. */
  family: string;
  /** Lowest and highest MIDI key rendered for this program. */
  low: number;
  high: number;
}

/** GM family names, index = program >> 3. */
export const GM_FAMILIES = [
  'piano',
  'chromatic-percussion',
  'organ',
  'guitar',
  'bass',
  'strings',
  'ensemble',
  'brass',
  'reed',
  'pipe',
  'synth-lead',
  'synth-pad',
  'synth-effects',
  'ethnic',
  'percussive',
  'sound-effects',
] as const;

interface Range {
  from: number;
  to: number;
  cls: OneShotClass;
  low: number;
  high: number;
}

const RANGES: readonly Range[] = [
  { from: 0, to: 7, cls: 'keys', low: 36, high: 84 },
  { from: 16, to: 23, cls: 'keys', low: 36, high: 79 },
  { from: 24, to: 31, cls: 'guitar', low: 40, high: 76 },
  { from: 32, to: 39, cls: 'bass', low: 28, high: 52 },
  { from: 40, to: 40, cls: 'strings', low: 55, high: 88 }, // violin
  { from: 41, to: 41, cls: 'strings', low: 48, high: 79 }, // viola
  { from: 42, to: 42, cls: 'strings', low: 36, high: 67 }, // cello
  { from: 43, to: 43, cls: 'strings', low: 28, high: 55 }, // contrabass
  { from: 44, to: 46, cls: 'strings', low: 40, high: 84 },
  { from: 48, to: 51, cls: 'strings', low: 40, high: 84 },
  { from: 52, to: 54, cls: 'vocal', low: 48, high: 76 },
  { from: 56, to: 56, cls: 'brass', low: 55, high: 82 }, // trumpet
  { from: 57, to: 57, cls: 'brass', low: 40, high: 70 }, // trombone
  { from: 58, to: 58, cls: 'brass', low: 28, high: 55 }, // tuba
  { from: 59, to: 63, cls: 'brass', low: 45, high: 77 },
  { from: 64, to: 79, cls: 'woodwind', low: 52, high: 88 },
  { from: 80, to: 87, cls: 'synth', low: 48, high: 84 },
  { from: 88, to: 95, cls: 'pad', low: 40, high: 76 },
  { from: 96, to: 103, cls: 'fx', low: 48, high: 72 },
  { from: 120, to: 127, cls: 'fx', low: 48, high: 72 },
];

/** The class and key range rendered for a GM program (0–127), or null when not used. */
export function gmProgramClass(program: number): GmProgramClass | null {
  const r = RANGES.find((x) => program >= x.from && program <= x.to);
  if (!r) return null;
  return { cls: r.cls, family: GM_FAMILIES[program >> 3] as string, low: r.low, high: r.high };
}

/** Every GM program we render, ascending. */
export function gmPrograms(): number[] {
  return Array.from({ length: 128 }, (_, p) => p).filter((p) => gmProgramClass(p) !== null);
}

const PERCUSSION: Readonly<Record<number, OneShotClass>> = {
  35: 'kick',
  36: 'kick',
  37: 'percussion', // side stick
  38: 'snare',
  39: 'clap',
  40: 'snare',
  41: 'tom',
  42: 'hihat',
  43: 'tom',
  44: 'hihat',
  45: 'tom',
  46: 'hihat',
  47: 'tom',
  48: 'tom',
  49: 'cymbal',
  50: 'tom',
  51: 'cymbal',
  52: 'cymbal',
  53: 'cymbal', // ride bell
  55: 'cymbal',
  57: 'cymbal',
  59: 'cymbal',
};

/** GM percussion keys 35–81 → class (keys not named above are hand percussion). */
export function gmPercussionClass(key: number): OneShotClass | null {
  if (!Number.isInteger(key) || key < 35 || key > 81) return null;
  return PERCUSSION[key] ?? 'percussion';
}

/**
 * GM drum kits (bank 128) rendered from each soundfont. The Orchestra kit (48) is left
 * out: it puts timpani on the tom keys, and SFX (56) is not drums.
 */
export const GM_DRUM_KITS: readonly { program: number; name: string }[] = [
  { program: 0, name: 'standard' },
  { program: 8, name: 'room' },
  { program: 16, name: 'power' },
  { program: 24, name: 'electronic' },
  { program: 25, name: 'tr808' },
  { program: 32, name: 'jazz' },
  { program: 40, name: 'brush' },
];
