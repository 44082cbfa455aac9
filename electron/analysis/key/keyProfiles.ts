/** Key profiles (C major / C minor, index 0 = tonic), rotated for the other tonics. */
export interface KeyProfile {
  name: string;
  major: number[];
  minor: number[];
}

/** Krumhansl & Kessler (1982) probe-tone ratings. */
export const KRUMHANSL: KeyProfile = {
  name: 'krumhansl',
  major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
  minor: [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17],
};

/** Temperley (1999), from the Kostka–Payne corpus. */
export const TEMPERLEY: KeyProfile = {
  name: 'temperley',
  major: [5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0],
  minor: [5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0],
};

export const PROFILES: Record<string, KeyProfile> = {
  krumhansl: KRUMHANSL,
  temperley: TEMPERLEY,
};
