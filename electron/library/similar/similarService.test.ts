import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { openDatabase, type Db } from '../db';
import { fillSyntheticLibrary } from '../fixtures/syntheticLibrary';
import { SimilarService, groupWeights, similarityOf } from './similarService';
import { centreOf, writeClusteredFeatures, writeFeatures } from './test-support/writeFeatures';

let db: Db;
let service: SimilarService;

beforeEach(() => {
  db = openDatabase(':memory:');
  fillSyntheticLibrary(db, { count: 800, seed: 5 });
  writeClusteredFeatures(db);
  service = new SimilarService(db, null);
});
afterEach(() => db.close());

function classOf(id: number): string | null {
  return db.prepare('SELECT class FROM samples WHERE id = ?').pluck().get(id) as string | null;
}

function firstWithClass(cls: string): number {
  return db
    .prepare('SELECT id FROM samples WHERE class = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(cls) as number;
}

describe('SimilarService', () => {
  it('finds neighbours of the same class, best first, without the query itself', () => {
    const ids = db
      .prepare('SELECT id FROM samples WHERE class IS NOT NULL ORDER BY id LIMIT 30')
      .pluck()
      .all() as number[];
    let same = 0;
    let total = 0;
    for (const id of ids) {
      const page = service.find({ sampleId: id }, { limit: 10 });
      expect(page.query?.id).toBe(id);
      expect(page.items.map((i) => i.sample.id)).not.toContain(id);
      const sims = page.items.map((i) => i.similarity);
      expect([...sims].sort((a, b) => b - a)).toEqual(sims);
      for (const item of page.items) {
        total++;
        if (item.sample.class === classOf(id)) same++;
        expect(item.embedding).not.toBeNull();
        for (const v of Object.values(item.aspects)) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
    expect(same / total).toBeGreaterThanOrEqual(0.9);
  });

  it('applies search filters (kind, classes, BPM) through the search index passes', () => {
    const kick = firstWithClass('kick');
    const onlySnares = service.find(
      { sampleId: kick },
      { filters: { classes: ['snare'] }, limit: 5 },
    );
    expect(onlySnares.items.length).toBeGreaterThan(0);
    expect(onlySnares.items.every((i) => i.sample.class === 'snare')).toBe(true);
    const loops = service.find(
      { sampleId: kick },
      { filters: { kind: 'loop', bpm: { min: 100, max: 140 } }, limit: 20 },
    );
    expect(loops.items.length).toBeGreaterThan(0);
    for (const i of loops.items) {
      expect(i.sample.kind).toBe('loop');
      expect(i.sample.bpm).toBeGreaterThanOrEqual(100);
      expect(i.sample.bpm).toBeLessThanOrEqual(140);
    }
    expect(loops.compared).toBeLessThan(loops.indexed);
  });

  it('answers a query by raw vectors (a file outside the library)', () => {
    const kickCentre = centreOf('v:kick');
    const page = service.find(
      { vectors: { featureVector: kickCentre, embedding: centreOf('e:kick') } },
      { limit: 10 },
    );
    expect(page.query).toBeNull();
    expect(page.items.filter((i) => i.sample.class === 'kick').length).toBeGreaterThanOrEqual(9);
    expect(() => service.find({ vectors: { featureVector: [1, 2, 3] } })).toThrow(AppError);
    expect(() => service.find({ vectors: { featureVector: kickCentre, embedding: [1] } })).toThrow(
      /64/,
    );
  });

  it('says why a sample cannot be a query', () => {
    const unanalysed = db
      .prepare('SELECT id FROM samples WHERE class IS NULL LIMIT 1')
      .pluck()
      .get() as number;
    expect(() => service.find({ sampleId: unanalysed })).toThrow(/not been analysed/);
    expect(() => service.find({ sampleId: 99_999 })).toThrow(/no sample/);
    expect(() =>
      groupWeights({
        aspects: { timbre: 0, envelope: 0, pitch: 0, rhythm: 0 },
        embeddingWeight: 0,
      }),
    ).toThrow(/weight/);
  });

  it('follows changes: re-read samples, removed samples, another connection', () => {
    const kick = firstWithClass('kick');
    const snare = firstWithClass('snare');
    expect(
      service
        .find({ sampleId: kick }, { limit: 10 })
        .items.every((i) => i.sample.id !== snare || false),
    ).toBe(true);
    // The snare is re-analysed and now sounds exactly like the kick.
    const kickRow = db
      .prepare('SELECT vector, embedding FROM sample_features WHERE sample_id = ?')
      .get(kick) as {
      vector: Buffer;
      embedding: Buffer;
    };
    db.prepare('UPDATE sample_features SET vector = ?, embedding = ? WHERE sample_id = ?').run(
      kickRow.vector,
      kickRow.embedding,
      snare,
    );
    service.samplesChanged([snare]);
    const after = service.find({ sampleId: kick }, { limit: 3 });
    expect(after.items[0]!.sample.id).toBe(snare);
    expect(after.items[0]!.similarity).toBeGreaterThan(0.99);
    // Removed from the library.
    db.prepare('DELETE FROM samples WHERE id = ?').run(snare);
    service.samplesChanged([snare]);
    expect(service.find({ sampleId: kick }, { limit: 3 }).items[0]!.sample.id).not.toBe(snare);
    const before = service.similarityIndex().size;
    service.invalidate();
    expect(service.similarityIndex().size).toBe(before);
  });

  it('weights aspects: rhythm-only similarity follows the tempo dimensions', () => {
    const a = firstWithClass('kick');
    const v = centreOf('v:kick');
    // Same sound as `a` except the rhythm dims (onset rate, loop flag, tempo).
    const other = db
      .prepare("SELECT id FROM samples WHERE class = 'pad' LIMIT 1")
      .pluck()
      .get() as number;
    const pad = centreOf('v:pad');
    const rhythmLikeKick = Float32Array.from(pad);
    for (const d of [17, 24, 63]) rhythmLikeKick[d] = v[d]!;
    writeFeatures(db, other, rhythmLikeKick, centreOf('e:pad'));
    service.samplesChanged([other]);
    const rhythm = service.find(
      { sampleId: a },
      { aspects: { timbre: 0, envelope: 0, pitch: 0, rhythm: 1 }, embeddingWeight: 0, limit: 800 },
    );
    const timbre = service.find(
      { sampleId: a },
      { aspects: { timbre: 1, envelope: 0, pitch: 0, rhythm: 0 }, embeddingWeight: 0, limit: 800 },
    );
    const rank = (p: typeof rhythm) => p.items.findIndex((i) => i.sample.id === other);
    expect(rank(rhythm)).toBeLessThan(rank(timbre));
  });

  it('maps distance to similarity monotonically', () => {
    expect(similarityOf(0)).toBe(1);
    expect(similarityOf(1)).toBeGreaterThan(similarityOf(2));
  });
});
