import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/contract/analysis';
import { decodePeaks } from '../../../shared/peaksCodec';
import { analyzeFile } from '../../analysis/analyzeFile';
import type { SampleClassification } from '../../analysis/classify/classification';
import { drumLoop } from '../../analysis/test-support/signals';
import { tempDir } from '../../analysis/test-support/tempFiles';
import { writeWav } from '../../analysis/test-support/writeAudio';
import { ANALYZER_VERSION } from '../../analysis/version';
import { openDatabase, type Db } from '../db';
import { applyTags } from '../tags';
import { AnalysisStore, autoTagsOf } from './analysisStore';
import { analyzerVersionCode } from './analyzerVersion';
import { readPeaks } from './peaksStore';
import { seedSamples } from './test-support/seedSamples';

const tmp = tempDir();
let loop: AnalysisResult;
afterAll(() => tmp.cleanup());
beforeAll(async () => {
  const path = tmp.file(
    'loop.wav',
    writeWav({ sampleRate: 44100, channels: [drumLoop(120, 2, 44100, 1)], encoding: 's16' }),
  );
  loop = await analyzeFile(path);
});

const classification = (): SampleClassification => ({
  class: 'drums',
  tier: 'sure',
  classSource: 'name',
  confidence: 0.9,
  candidates: [
    { class: 'drums', p: 0.9 },
    { class: 'fx', p: 0.05 },
  ],
  loopClass: 'drums',
  embedding: new Float32Array([1, -2, 3.5]),
  embeddingVersion: 'engine-v1/abc',
});

function tagsOf(db: Db, id: number): Record<string, string> {
  const rows = db
    .prepare(
      'SELECT t.name, st.source FROM sample_tags st JOIN tags t ON t.id = st.tag_id WHERE st.sample_id = ?',
    )
    .all(id) as Array<{ name: string; source: string }>;
  return Object.fromEntries(rows.map((r) => [r.name, r.source]));
}

describe('AnalysisStore', () => {
  it('writes columns, fields, peaks, vector, embedding and auto tags, and dequeues', () => {
    const db = openDatabase(':memory:');
    const [id] = seedSamples(db, ['/lib/loop.wav']) as [number];
    const store = new AnalysisStore(db);
    expect(store.write([{ sampleId: id, result: loop, classification: classification() }])).toEqual(
      [id],
    );
    const row = db.prepare('SELECT * FROM samples WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({
      analysis_status: 'done',
      analysis_version: analyzerVersionCode(ANALYZER_VERSION),
      kind: loop.kind,
      bpm: loop.bpm,
      lufs: loop.lufs,
      true_peak: loop.truePeakDb,
      class: 'drums',
      class_confidence: 0.9,
      class_source: 'name',
      loop_class: 'drums',
      duration: loop.durationSec,
      brightness: loop.descriptors.spectralCentroidHz,
    });
    expect(JSON.parse(row.class_candidates_json as string)).toHaveLength(2);
    const fields = JSON.parse(
      db
        .prepare('SELECT fields_json FROM sample_analysis WHERE sample_id = ?')
        .pluck()
        .get(id) as string,
    ) as Record<string, unknown>;
    expect(fields.analyzerVersion).toBe(ANALYZER_VERSION);
    expect(fields).not.toHaveProperty('peaks');
    expect(fields).not.toHaveProperty('featureVector');
    const peaks = readPeaks(db, id);
    expect(peaks && decodePeaks(peaks).channels).toBe(1);
    expect(readPeaks(db, id + 1)).toBeNull();
    const f = db.prepare('SELECT * FROM sample_features WHERE sample_id = ?').get(id) as {
      vector: Buffer;
      embedding: Buffer;
      embedding_format: string;
      embedding_version: string;
    };
    expect(new Float32Array(f.vector.buffer, f.vector.byteOffset, f.vector.byteLength / 4)).toEqual(
      loop.featureVector,
    );
    expect(f.embedding_format).toBe('f32');
    expect(f.embedding_version).toBe('engine-v1/abc');
    expect([...new Float32Array(f.embedding.buffer, f.embedding.byteOffset, 3)]).toEqual([
      1, -2, 3.5,
    ]);
    const tags = tagsOf(db, id);
    for (const t of autoTagsOf(loop, classification())) expect(tags[t]).toBe('auto');
    expect(tags.drums).toBe('auto');
    expect(tags[loop.kind]).toBe('auto');
    expect(db.prepare('SELECT count(*) FROM analysis_queue').pluck().get()).toBe(0);
  });

  it('re-analysis replaces automatic data only: user and rejected tags stay', () => {
    const db = openDatabase(':memory:');
    const [id] = seedSamples(db, ['/lib/loop.wav']) as [number];
    const store = new AnalysisStore(db);
    store.write([{ sampleId: id, result: loop, classification: classification() }]);
    applyTags(db, [id], ['my-favourite-groove'], ['drums']); // user adds one, rejects the class tag
    const next: AnalysisResult = { ...loop, tags: ['bright'], analyzerVersion: '1.1.0', bpm: 121 };
    store.write([{ sampleId: id, result: next, classification: classification() }]);
    const tags = tagsOf(db, id);
    expect(tags).toMatchObject({
      'my-favourite-groove': 'user',
      drums: 'rejected',
      bright: 'auto',
    });
    for (const t of loop.tags.filter((t) => t !== 'bright')) expect(tags[t]).toBeUndefined();
    expect(db.prepare('SELECT bpm, analysis_version FROM samples').get()).toEqual({
      bpm: 121,
      analysis_version: 1_001_000,
    });
    // No classifier: class cleared, no embedding.
    store.write([{ sampleId: id, result: next, classification: null }]);
    expect(db.prepare('SELECT class, class_confidence, class_source FROM samples').get()).toEqual({
      class: null,
      class_confidence: null,
      class_source: null,
    });
    expect(db.prepare('SELECT embedding FROM sample_features').pluck().get()).toBeNull();
  });

  it('records failures with their reason, skips removed samples, survives a deleted tag', () => {
    const db = openDatabase(':memory:');
    const [a, b] = seedSamples(db, ['/lib/a.wav', '/lib/b.wav']) as [number, number];
    const store = new AnalysisStore(db);
    expect(
      store.write([], [{ sampleId: a, error: { code: 'CORRUPT_FILE', message: 'bad frames' } }]),
    ).toEqual([a]);
    expect(
      db
        .prepare(
          'SELECT analysis_status, analysis_error_code, analysis_error_message FROM samples WHERE id = ?',
        )
        .get(a),
    ).toEqual({
      analysis_status: 'failed',
      analysis_error_code: 'CORRUPT_FILE',
      analysis_error_message: 'bad frames',
    });
    expect(
      db.prepare('SELECT count(*) FROM analysis_queue WHERE sample_id = ?').pluck().get(a),
    ).toBe(0);
    store.write([{ sampleId: b, result: loop, classification: classification() }]);
    db.prepare(`DELETE FROM tags WHERE name = 'drums'`).run();
    db.prepare('DELETE FROM samples WHERE id = ?').run(a);
    expect(
      store.write([
        { sampleId: a, result: loop, classification: null },
        { sampleId: b, result: loop, classification: classification() },
      ]),
    ).toEqual([b]);
    expect(tagsOf(db, b).drums).toBe('auto');
  });

  it('packs analyser versions', () => {
    expect(analyzerVersionCode('2.3.4')).toBe(2_003_004);
    expect(() => analyzerVersionCode('x')).toThrow();
    expect(() => analyzerVersionCode('1.1000.0')).toThrow();
  });
});
