/**
 * Music-theory helpers shared by the backend (name hints, search filters) and the UI.
 * Keys are written "A minor" / "C# major"; pitch classes use sharps; MIDI 60 is C4.
 */

export const PITCH_CLASSES = [
  'C',
  'C#',
  'D',
  'D#',
  'E',
  'F',
  'F#',
  'G',
  'G#',
  'A',
  'A#',
  'B',
] as const;
export type PitchClassName = (typeof PITCH_CLASSES)[number];
export type Mode = 'major' | 'minor';

export interface MusicalKey {
  /** Pitch class of the tonic, 0 = C … 11 = B. */
  tonic: number;
  mode: Mode;
}

const LETTER_PC: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** Parses a note letter with accidentals ("C", "c#", "Db", "E♭", "F♯") into a pitch class. */
export function parsePitchClass(text: string): number | null {
  const m = /^([a-gA-G])([#♯b♭]{0,2})$/.exec(text.trim());
  if (!m) return null;
  const letter = m[1];
  if (letter === undefined) return null;
  let pc = LETTER_PC[letter.toLowerCase()];
  if (pc === undefined) return null;
  for (const ch of m[2] ?? '') pc += ch === '#' || ch === '♯' ? 1 : -1;
  return ((pc % 12) + 12) % 12;
}

export function pitchClassName(pc: number): PitchClassName {
  const name = PITCH_CLASSES[((Math.round(pc) % 12) + 12) % 12];
  if (name === undefined) throw new RangeError(`bad pitch class ${pc}`);
  return name;
}

/**
 * Parses a key in the spellings producers use: "A minor", "Am", "A min", "F#m", "Gbmaj",
 * "C major", "C", "Ebm", "D#min", "F#MIN", "A Minor" (mode words in any case; a lone "m"
 * is minor and a lone "M" major). German "a-moll" is not supported.
 */
export function parseKey(text: string): MusicalKey | null {
  const m = /^\s*([a-gA-G][#♯b♭]?)\s*-?\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m || m[1] === undefined) return null;
  const tonic = parsePitchClass(m[1]);
  if (tonic === null) return null;
  const mode = modeOf(m[2] ?? '');
  return mode === null ? null : { tonic, mode };
}

/** "" / "M" / "maj" / "Major" → major; "m" / "min" / "MINOR" → minor; else null. */
function modeOf(q: string): Mode | null {
  if (q === '' || q === 'M') return 'major';
  if (q === 'm') return 'minor';
  const lower = q.toLowerCase();
  if (lower === 'maj' || lower === 'major') return 'major';
  if (lower === 'min' || lower === 'minor') return 'minor';
  return null;
}

export function formatKey(key: MusicalKey): string {
  return `${pitchClassName(key.tonic)} ${key.mode}`;
}

/** Normalises any accepted spelling to the canonical "A minor" form, or null. */
export function normalizeKey(text: string): string | null {
  const key = parseKey(text);
  return key ? formatKey(key) : null;
}

/** A compact integer for indexing: tonic + 12 for minor (0..23). */
export function keyCode(key: MusicalKey): number {
  return key.tonic + (key.mode === 'minor' ? 12 : 0);
}

export function keyFromCode(code: number): MusicalKey {
  return { tonic: code % 12, mode: code >= 12 ? 'minor' : 'major' };
}

export function relativeKey(key: MusicalKey): MusicalKey {
  return key.mode === 'major'
    ? { tonic: (key.tonic + 9) % 12, mode: 'minor' }
    : { tonic: (key.tonic + 3) % 12, mode: 'major' };
}

/** Camelot wheel position, e.g. C major = 8B, A minor = 8A. */
export function camelot(key: MusicalKey): { number: number; letter: 'A' | 'B' } {
  const majorTonic = key.mode === 'major' ? key.tonic : (key.tonic + 3) % 12;
  const number = ((((majorTonic * 7) % 12) + 7) % 12) + 1;
  return { number, letter: key.mode === 'major' ? 'B' : 'A' };
}

export function formatCamelot(key: MusicalKey): string {
  const c = camelot(key);
  return `${c.number}${c.letter}`;
}

export type KeyRelation = 'exact' | 'relative' | 'compatible';

/**
 * Keys that mix with `key`: `exact` → itself; `relative` → plus the relative major/minor;
 * `compatible` → the Camelot neighbours as well (±1 on the wheel, same mode), i.e. the
 * harmonic-mixing set DJs and producers use.
 */
export function relatedKeys(key: MusicalKey, relation: KeyRelation): MusicalKey[] {
  const out: MusicalKey[] = [key];
  if (relation === 'exact') return out;
  out.push(relativeKey(key));
  if (relation === 'relative') return out;
  // A fifth up / down keeps the mode and moves one step on the wheel.
  out.push({ tonic: (key.tonic + 7) % 12, mode: key.mode });
  out.push({ tonic: (key.tonic + 5) % 12, mode: key.mode });
  return out;
}

export function midiToNoteName(midi: number): string {
  const rounded = Math.round(midi);
  return `${pitchClassName(rounded % 12)}${Math.floor(rounded / 12) - 1}`;
}

/** Parses "C#2", "Eb-1", "a4" into a MIDI note number (Cb4 = 59, B#3 = 60). */
export function parseNoteName(text: string): number | null {
  const m = /^\s*([a-gA-G])([#♯b♭]?)(-?\d)\s*$/.exec(text);
  if (!m || m[1] === undefined || m[3] === undefined) return null;
  const letterPc = LETTER_PC[m[1].toLowerCase()];
  if (letterPc === undefined) return null;
  const accidental = m[2] === '#' || m[2] === '♯' ? 1 : m[2] === 'b' || m[2] === '♭' ? -1 : 0;
  const midi = (Number(m[3]) + 1) * 12 + letterPc + accidental;
  return midi >= 0 && midi <= 127 ? midi : null;
}

export function hzToMidi(hz: number): number {
  return 69 + 12 * Math.log2(hz / 440);
}

export function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

/**
 * BPM ranges to search when half/double time counts as a match: a 170 BPM loop also
 * matches 85, and an 85 BPM query also finds 170.
 */
export function bpmRanges(min: number, max: number, halfDouble: boolean): Array<[number, number]> {
  const base: [number, number] = [Math.min(min, max), Math.max(min, max)];
  if (!halfDouble) return [base];
  return [base, [base[0] / 2, base[1] / 2], [base[0] * 2, base[1] * 2]];
}
