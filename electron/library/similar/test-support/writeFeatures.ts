import { seededRandom } from '../../../../shared/random';
import { FEATURE_VECTOR_LENGTH } from '../../../analysis/vector/featureVector';
import type { Db } from '../../db';
import { ASPECTS_FOR_VECTOR_VERSION } from '../aspects';
import { EMBEDDING_DIMS } from '../vectorSpace';

function blob(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * A deterministic point per label (values in [0, 1]), the centre of that label's cluster:
 * an embedding for labels starting with `e:`, a feature vector otherwise.
 */
export function centreOf(
  label: string,
  dims = label.startsWith('e:') ? EMBEDDING_DIMS : FEATURE_VECTOR_LENGTH,
): Float32Array {
  let seed = 17;
  for (const ch of label) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const rand = seededRandom(seed);
  return Float32Array.from({ length: dims }, () => rand());
}

/** Writes one sample's feature vector (+ embedding) the way the analysis store does. */
export function writeFeatures(
  db: Db,
  sampleId: number,
  vector: Float32Array,
  embedding: Float32Array | null,
): void {
  db.prepare(
    `INSERT INTO sample_features(sample_id, vector_version, vector, embedding_version, embedding_format, embedding)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sample_id) DO UPDATE SET vector = excluded.vector, embedding = excluded.embedding,
       embedding_format = excluded.embedding_format`,
  ).run(
    sampleId,
    ASPECTS_FOR_VECTOR_VERSION,
    blob(vector),
    embedding ? 'test' : null,
    embedding ? 'f32' : null,
    embedding ? blob(embedding) : null,
  );
}

/**
 * Gives every classified sample a feature vector and embedding near its class centre
 * (spread `noise`), as a trained model would; returns how many were written.
 */
export function writeClusteredFeatures(db: Db, noise = 0.08, seed = 3): number {
  const rand = seededRandom(seed);
  const rows = db
    .prepare('SELECT id, class FROM samples WHERE class IS NOT NULL ORDER BY id')
    .all() as Array<{
    id: number;
    class: string;
  }>;
  const write = db.transaction(() => {
    for (const r of rows) {
      const v = centreOf(`v:${r.class}`).map((x) => x + noise * (rand() - 0.5) * 2);
      const e = centreOf(`e:${r.class}`).map((x) => x + noise * (rand() - 0.5) * 2);
      writeFeatures(db, r.id, v, e);
    }
  });
  write();
  return rows.length;
}
