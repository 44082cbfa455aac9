/**
 * Reads what the similarity index needs from the library: the feature vector and
 * classifier embedding of each analysed sample (sample_features) and its root note.
 */
import type { Db } from '../db';
import { ASPECTS_FOR_VECTOR_VERSION } from './aspects';
import { EMBEDDING_DIMS, FULL_DIMS, rawRow } from './vectorSpace';

export interface FeatureRow {
  id: number;
  raw: Float32Array;
  hasEmbedding: boolean;
}

type Row = [
  id: number,
  vector: Buffer,
  embeddingFormat: string | null,
  embedding: Buffer | null,
  rootMidi: number | null,
];

const SQL = `SELECT f.sample_id, f.vector, f.embedding_format, f.embedding, s.root_midi
  FROM sample_features f JOIN samples s ON s.id = f.sample_id
  WHERE f.vector_version = ${ASPECTS_FOR_VECTOR_VERSION}`;

/** Float32 values of a BLOB (copied: SQLite buffers need not be 4-byte aligned). */
export function floatsOf(blob: Buffer): Float32Array {
  const out = new Float32Array(Math.floor(blob.byteLength / 4));
  new Uint8Array(out.buffer).set(blob.subarray(0, out.length * 4));
  return out;
}

/** An embedding BLOB: float32, or int8 read as value / 127. */
export function embeddingOf(format: string | null, blob: Buffer | null): Float32Array | null {
  if (!blob || !format) return null;
  if (format === 'f32') return floatsOf(blob);
  if (format === 'i8') {
    const out = new Float32Array(blob.byteLength);
    const i8 = new Int8Array(blob.buffer, blob.byteOffset, blob.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = i8[i]! / 127;
    return out;
  }
  return null;
}

function toRaw(row: Row, out: Float32Array<ArrayBufferLike>): boolean {
  const embedding = embeddingOf(row[2], row[3]);
  rawRow(floatsOf(row[1]), embedding, row[4], out);
  return embedding !== null && embedding.length === EMBEDDING_DIMS;
}

/** Every analysed sample with a feature vector of the expected version, as raw rows. */
export function loadFeatureRows(db: Db): {
  ids: Int32Array;
  raw: Float32Array;
  hasEmbedding: Uint8Array;
  count: number;
} {
  const total = db.prepare('SELECT count(*) FROM sample_features').pluck().get() as number;
  const ids = new Int32Array(total);
  const raw = new Float32Array(total * FULL_DIMS);
  const hasEmbedding = new Uint8Array(total);
  let count = 0;
  for (const row of db.prepare(SQL).raw(true).iterate() as IterableIterator<Row>) {
    if (count >= total) break;
    ids[count] = row[0];
    hasEmbedding[count] = toRaw(row, raw.subarray(count * FULL_DIMS, (count + 1) * FULL_DIMS))
      ? 1
      : 0;
    count++;
  }
  return { ids, raw, hasEmbedding, count };
}

/** The rows of some samples (those without features are absent from the result). */
export function featureRowsOf(db: Db, ids: readonly number[]): FeatureRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${SQL} AND f.sample_id IN (SELECT value FROM json_each(?))`)
    .raw(true)
    .all(JSON.stringify(ids)) as Row[];
  return rows.map((r) => {
    const raw = new Float32Array(FULL_DIMS);
    return { id: r[0], raw, hasEmbedding: toRaw(r, raw) };
  });
}
