import type { Db } from '../db';

/** The SMPK peaks bytes of a sample (shared/peaksCodec.ts), or null when it has none yet. */
export function readPeaks(db: Db, sampleId: number): Uint8Array | null {
  const row = db
    .prepare('SELECT peaks FROM sample_peaks WHERE sample_id = ?')
    .pluck()
    .get(sampleId);
  return row instanceof Uint8Array ? row : null;
}
