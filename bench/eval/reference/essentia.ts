import { createRequire } from 'node:module';

/** The parts of essentia.js 0.1.3 (AGPL-3.0) the comparison uses. */
interface EssentiaVector {
  delete?: () => void;
}
interface EssentiaApi {
  arrayToVector(a: Float32Array): EssentiaVector;
  KeyExtractor(
    audio: EssentiaVector,
    averageDetuningCorrection?: boolean,
    frameSize?: number,
    hopSize?: number,
    hpcpSize?: number,
    maxFrequency?: number,
    maximumSpectralPeaks?: number,
    minFrequency?: number,
    pcpThreshold?: number,
    profileType?: string,
    sampleRate?: number,
  ): { key: string; scale: string; strength: number };
  PercivalBpmEstimator(
    signal: EssentiaVector,
    frameSize?: number,
    frameSizeOSS?: number,
    hopSize?: number,
    hopSizeOSS?: number,
    maxBPM?: number,
    minBPM?: number,
    sampleRate?: number,
  ): { bpm: number };
}

let instance: EssentiaApi | null = null;

function essentia(): EssentiaApi {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const mod = require('essentia.js') as {
      Essentia: new (wasm: unknown) => EssentiaApi;
      EssentiaWASM: unknown;
    };
    instance = new mod.Essentia(mod.EssentiaWASM);
  }
  return instance;
}

export interface EssentiaKey {
  key: string;
  strength: number;
}

/** KeyExtractor with its defaults except the profile ('bgate' default, 'edma' for electronic). */
export function essentiaKey(
  mono: Float32Array,
  sampleRate: number,
  profile = 'bgate',
): EssentiaKey {
  const e = essentia();
  const v = e.arrayToVector(mono);
  const r = e.KeyExtractor(v, true, 4096, 4096, 12, 3500, 60, 25, 0.2, profile, sampleRate);
  v.delete?.();
  const tonic = r.key
    .replace('Ab', 'G#')
    .replace('Bb', 'A#')
    .replace('Db', 'C#')
    .replace('Eb', 'D#')
    .replace('Gb', 'F#');
  return { key: `${tonic} ${r.scale}`, strength: r.strength };
}

export function essentiaBpm(mono: Float32Array, sampleRate: number): number | null {
  const e = essentia();
  const v = e.arrayToVector(mono);
  const r = e.PercivalBpmEstimator(v, 1024, 2048, 128, 128, 210, 50, sampleRate);
  v.delete?.();
  return r.bpm > 0 ? r.bpm : null;
}
