import { formatKey, type Mode } from '../../../shared/music';

/** Scale degrees (semitones from the tonic). */
export const SCALES: Record<Mode, number[]> = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
};

/** Progressions as scale degrees (0 = I / i). Minor "4" with raised third gives V (harmonic minor). */
export const PROGRESSIONS: Record<Mode, number[][]> = {
  major: [
    [0, 3, 4, 0],
    [0, 4, 5, 3],
    [1, 4, 0, 0],
    [0, 5, 3, 4],
    [0, 3, 0, 4],
  ],
  minor: [
    [0, 3, 4, 0],
    [0, 5, 2, 6],
    [0, 3, 6, 2],
    [0, 5, 3, 4],
    [0, 6, 5, 6],
  ],
};

/** Triad on scale degree `degree` of the key (MIDI notes, root near `base`). Minor v → major V. */
export function triad(tonic: number, mode: Mode, degree: number, base: number): number[] {
  const scale = SCALES[mode];
  const pc = (d: number): number => (scale[((d % 7) + 7) % 7] as number) + 12 * Math.floor(d / 7);
  const notes = [pc(degree), pc(degree + 2), pc(degree + 4)];
  if (mode === 'minor' && degree % 7 === 4) notes[1] = (notes[1] as number) + 1; // leading tone
  const root = tonic + (notes[0] as number);
  const shift = base + ((((root - base) % 12) + 12) % 12) - root;
  return notes.map((n) => tonic + n + shift);
}

export function keyName(tonic: number, mode: Mode): string {
  return formatKey({ tonic, mode });
}
