/**
 * Drum patterns for the tempo evaluation, on a 16-step-per-bar grid. Styles are the
 * ones producers actually use at each tempo (so a loop at 75 BPM is hip-hop with 16th
 * hats, a loop at 174 is drum & bass with 8th hats): the tempo is drawn uniformly first,
 * then a style whose usual range contains it.
 */
export type DrumRole = 'kick' | 'snare' | 'clap' | 'hatClosed' | 'hatOpen' | 'ride' | 'tom' | 'rim';

export interface DrumHit {
  /** Position in 16th steps from the start of the pattern (fractional after swing/jitter). */
  step: number;
  role: DrumRole;
  /** 0 … 1 */
  velocity: number;
}

export interface Style {
  name: string;
  minBpm: number;
  maxBpm: number;
  /** Swing applies to 8ths or 16ths in this style. */
  swingGrid: 8 | 16;
  bar(rand: () => number, barIndex: number, bars: number): Array<[number, DrumRole, number]>;
}

const eighths = [0, 2, 4, 6, 8, 10, 12, 14];
const sixteenths = Array.from({ length: 16 }, (_, i) => i);

export const STYLES: Style[] = [
  {
    name: 'rock',
    minBpm: 80,
    maxBpm: 150,
    swingGrid: 8,
    bar: (r, b, bars) => [
      [0, 'kick', 1],
      [8, 'kick', 0.9],
      ...(r() < 0.5 ? ([[10, 'kick', 0.7]] as Array<[number, DrumRole, number]>) : []),
      [4, 'snare', 1],
      [12, 'snare', 1],
      ...eighths.map((s): [number, DrumRole, number] => [s, 'hatClosed', s % 4 === 0 ? 0.8 : 0.55]),
      ...(b === bars - 1 && r() < 0.5
        ? ([
            [14, 'snare', 0.8],
            [15, 'snare', 0.7],
          ] as Array<[number, DrumRole, number]>)
        : []),
    ],
  },
  {
    name: 'hiphop',
    minBpm: 70,
    maxBpm: 100,
    swingGrid: 16,
    bar: (r) => [
      [0, 'kick', 1],
      ...(r() < 0.5 ? ([[3, 'kick', 0.6]] as Array<[number, DrumRole, number]>) : []),
      [7, 'kick', 0.8],
      [10, 'kick', 0.9],
      [4, 'snare', 1],
      [12, 'snare', 1],
      ...(r() < 0.5 ? ([[15, 'snare', 0.35]] as Array<[number, DrumRole, number]>) : []),
      ...(r() < 0.6
        ? sixteenths.map((s): [number, DrumRole, number] => [
            s,
            'hatClosed',
            s % 2 === 0 ? 0.6 : 0.35,
          ])
        : eighths.map((s): [number, DrumRole, number] => [
            s,
            'hatClosed',
            s % 4 === 0 ? 0.65 : 0.45,
          ])),
    ],
  },
  {
    name: 'funk',
    minBpm: 88,
    maxBpm: 115,
    swingGrid: 16,
    bar: () => [
      [0, 'kick', 1],
      [3, 'kick', 0.7],
      [10, 'kick', 0.85],
      [4, 'snare', 1],
      [12, 'snare', 1],
      [7, 'snare', 0.3],
      [9, 'snare', 0.3],
      [14, 'snare', 0.3],
      ...sixteenths.map((s): [number, DrumRole, number] => [
        s,
        'hatClosed',
        s % 4 === 0 ? 0.7 : s % 2 === 0 ? 0.5 : 0.35,
      ]),
    ],
  },
  {
    name: 'breakbeat',
    minBpm: 95,
    maxBpm: 140,
    swingGrid: 16,
    bar: (r) => [
      [0, 'kick', 1],
      [10, 'kick', 0.9],
      ...(r() < 0.5 ? ([[6, 'kick', 0.6]] as Array<[number, DrumRole, number]>) : []),
      [4, 'snare', 1],
      [12, 'snare', 1],
      [7, 'snare', 0.35],
      ...eighths.map((s): [number, DrumRole, number] => [s, 'hatClosed', s % 4 === 0 ? 0.7 : 0.5]),
    ],
  },
  {
    name: 'house',
    minBpm: 115,
    maxBpm: 130,
    swingGrid: 16,
    bar: (r) => [
      [0, 'kick', 1],
      [4, 'kick', 1],
      [8, 'kick', 1],
      [12, 'kick', 1],
      [4, 'clap', 0.9],
      [12, 'clap', 0.9],
      ...[2, 6, 10, 14].map((s): [number, DrumRole, number] => [s, 'hatOpen', 0.6]),
      ...(r() < 0.5
        ? sixteenths
            .filter((s) => s % 2 === 1)
            .map((s): [number, DrumRole, number] => [s, 'hatClosed', 0.3])
        : []),
    ],
  },
  {
    name: 'techno',
    minBpm: 124,
    maxBpm: 145,
    swingGrid: 16,
    bar: (r) => [
      [0, 'kick', 1],
      [4, 'kick', 1],
      [8, 'kick', 1],
      [12, 'kick', 1],
      ...[2, 6, 10, 14].map((s): [number, DrumRole, number] => [s, 'hatClosed', 0.7]),
      ...(r() < 0.5
        ? ([
            [4, 'clap', 0.7],
            [12, 'clap', 0.7],
          ] as Array<[number, DrumRole, number]>)
        : []),
      ...(r() < 0.4
        ? ([
            [3, 'rim', 0.5],
            [11, 'rim', 0.5],
          ] as Array<[number, DrumRole, number]>)
        : []),
    ],
  },
  {
    name: 'shuffle',
    minBpm: 100,
    maxBpm: 160,
    swingGrid: 8,
    bar: () => [
      [0, 'kick', 0.8],
      [8, 'kick', 0.7],
      [4, 'snare', 0.9],
      [12, 'snare', 0.9],
      ...[0, 4, 6, 8, 12, 14].map((s): [number, DrumRole, number] => [
        s,
        'ride',
        s % 4 === 0 ? 0.75 : 0.5,
      ]),
      [4, 'hatClosed', 0.5],
      [12, 'hatClosed', 0.5],
    ],
  },
  {
    name: 'dnb',
    minBpm: 160,
    maxBpm: 180,
    swingGrid: 16,
    bar: (r) => [
      [0, 'kick', 1],
      [10, 'kick', 0.9],
      ...(r() < 0.4 ? ([[11, 'kick', 0.6]] as Array<[number, DrumRole, number]>) : []),
      [4, 'snare', 1],
      [12, 'snare', 1],
      ...(r() < 0.5
        ? ([
            [7, 'snare', 0.3],
            [15, 'snare', 0.3],
          ] as Array<[number, DrumRole, number]>)
        : []),
      ...eighths.map((s): [number, DrumRole, number] => [s, 'hatClosed', s % 4 === 0 ? 0.65 : 0.5]),
    ],
  },
  {
    name: 'punk',
    minBpm: 150,
    maxBpm: 180,
    swingGrid: 8,
    bar: (r) => [
      [0, 'kick', 1],
      [8, 'kick', 1],
      ...(r() < 0.5 ? ([[6, 'kick', 0.7]] as Array<[number, DrumRole, number]>) : []),
      [4, 'snare', 1],
      [12, 'snare', 1],
      ...(r() < 0.5
        ? eighths.map((s): [number, DrumRole, number] => [s, 'hatClosed', s % 4 === 0 ? 0.75 : 0.5])
        : [0, 4, 8, 12].map((s): [number, DrumRole, number] => [s, 'ride', 0.7])),
    ],
  },
];

export interface Pattern {
  style: string;
  bars: number;
  bpm: number;
  swing: number;
  hits: DrumHit[];
}

/** A pattern of `bars` bars at `bpm`: humanised velocities, optional swing (0 or 0.08–0.16 of a beat pair). */
export function makePattern(
  rand: () => number,
  bpm: number,
  bars: number,
  swing: boolean,
  jitterSteps = 0,
): Pattern {
  const styles = STYLES.filter((s) => bpm >= s.minBpm && bpm <= s.maxBpm);
  const style = styles[Math.floor(rand() * styles.length)] ?? (STYLES[0] as Style);
  const amount = swing ? 0.08 + rand() * 0.08 : 0;
  const hits: DrumHit[] = [];
  for (let b = 0; b < bars; b++) {
    for (const [step, role, vel] of style.bar(rand, b, bars)) {
      let s = step;
      // Swing delays the off-beat 8ths (8th swing) or the odd 16ths (16th swing).
      if (amount > 0) {
        if (style.swingGrid === 8 && step % 4 === 2) s += amount * 4;
        if (style.swingGrid === 16 && step % 2 === 1) s += amount * 2;
      }
      if (jitterSteps > 0 && step > 0) s += (rand() * 2 - 1) * jitterSteps;
      hits.push({
        step: b * 16 + s,
        role,
        velocity: Math.max(0.1, Math.min(1, vel * (0.9 + 0.2 * rand()))),
      });
    }
  }
  return { style: style.name, bars, bpm, swing: amount, hits };
}
