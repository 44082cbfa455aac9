/**
 * Writes analysis results into the library: the columns the browser sorts and filters
 * on, the rest of the fields as JSON, peaks, feature vector + embedding, and the
 * automatic tags — one transaction per batch. Only automatic data is replaced: the
 * user's own tags, tags the user rejected and suggested tags are left as they are.
 */
import type { AnalysisFields, AnalysisResult } from '../../../shared/contract/analysis';
import { keyCode, parseKey } from '../../../shared/music';
import type { ErrorData } from '../../../shared/result';
import type { SampleClassification } from '../../analysis/classify/classification';
import type { Db } from '../db';
import { ANALYZER_VERSION } from '../../analysis/version';
import { analyzerVersionCode } from './analyzerVersion';

export interface AnalyzedSample {
  sampleId: number;
  result: AnalysisResult;
  classification: SampleClassification | null;
}

export interface FailedSample {
  sampleId: number;
  error: ErrorData;
}

/** The automatic tags of a result: descriptor tags, the kind and the class (when known). */
export function autoTagsOf(result: AnalysisFields, cls: SampleClassification | null): string[] {
  const tags = new Set<string>(result.tags);
  tags.add(result.kind);
  if (cls?.class) tags.add(cls.class);
  return [...tags];
}

/** The JSON-friendly part of a result (what sample_analysis.fields_json holds). */
export function fieldsOf(result: AnalysisResult): AnalysisFields {
  const {
    peaks: _p,
    featureVector: _v,
    featureVectorVersion: _vv,
    melPatch: _m,
    ...fields
  } = result;
  return fields;
}

function blob(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export class AnalysisStore {
  private readonly updateSample;
  private readonly upsertFields;
  private readonly upsertPeaks;
  private readonly upsertFeatures;
  private readonly dropAutoTags;
  private readonly addAutoTag;
  private readonly ensureTagStmt;
  private readonly tagIdStmt;
  private readonly failStmt;
  private readonly dequeue;
  private readonly tagIds = new Map<string, number>();
  private readonly version = analyzerVersionCode(ANALYZER_VERSION);

  constructor(private readonly db: Db) {
    this.updateSample = db.prepare(`UPDATE samples SET
        duration = @duration, sample_rate = @sampleRate, channels = @channels,
        bit_depth = coalesce(@bitDepth, bit_depth),
        kind = @kind, kind_confidence = @kindConfidence,
        bpm = @bpm, bpm_confidence = @bpmConfidence, bpm_source = @bpmSource, beats = @beats,
        key = @key, key_code = @keyCode, key_confidence = @keyConfidence, key_source = @keySource,
        root_note = @rootNote, root_midi = @rootMidi, root_cents = @rootCents,
        root_confidence = @rootConfidence,
        lufs = @lufs, loudness_method = @loudnessMethod, true_peak = @truePeak, sample_peak = @samplePeak,
        brightness = @brightness, attack_sec = @attackSec, tail_sec = @tailSec,
        stereo_width = @stereoWidth, clipped = @clipped,
        class = @class, class_confidence = @classConfidence, class_source = @classSource,
        class_tier = @classTier,
        class_candidates_json = @candidates, loop_class = @loopClass,
        analysis_status = 'done', analysis_version = @version,
        analysis_error_code = NULL, analysis_error_message = NULL, analyzed_at = @now
      WHERE id = @id`);
    this.upsertFields = db.prepare(
      `INSERT INTO sample_analysis(sample_id, analyzer_version, fields_json) VALUES (?, ?, ?)
       ON CONFLICT(sample_id) DO UPDATE SET analyzer_version = excluded.analyzer_version,
         fields_json = excluded.fields_json`,
    );
    this.upsertPeaks = db.prepare(
      `INSERT INTO sample_peaks(sample_id, peaks) VALUES (?, ?)
       ON CONFLICT(sample_id) DO UPDATE SET peaks = excluded.peaks`,
    );
    this.upsertFeatures = db.prepare(
      `INSERT INTO sample_features(sample_id, vector_version, vector, embedding_version,
         embedding_format, embedding) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(sample_id) DO UPDATE SET vector_version = excluded.vector_version,
         vector = excluded.vector, embedding_version = excluded.embedding_version,
         embedding_format = excluded.embedding_format, embedding = excluded.embedding`,
    );
    this.dropAutoTags = db.prepare(
      `DELETE FROM sample_tags WHERE sample_id = ? AND source = 'auto'
         AND tag_id NOT IN (SELECT value FROM json_each(?))`,
    );
    this.addAutoTag = db.prepare(
      `INSERT INTO sample_tags(sample_id, tag_id, source, added_at) VALUES (?, ?, 'auto', ?)
       ON CONFLICT(sample_id, tag_id) DO NOTHING`,
    );
    this.ensureTagStmt = db.prepare('INSERT OR IGNORE INTO tags(name, created_at) VALUES (?, ?)');
    this.tagIdStmt = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.failStmt = db.prepare(`UPDATE samples SET analysis_status = 'failed',
        analysis_error_code = ?, analysis_error_message = ?, analyzed_at = ?, analysis_version = ?
      WHERE id = ?`);
    this.dequeue = db.prepare('DELETE FROM analysis_queue WHERE sample_id = ?');
  }

  private tagId(name: string, now: number): number {
    const known = this.tagIds.get(name);
    if (known !== undefined) return known;
    this.ensureTagStmt.run(name, now);
    const id = this.tagIdStmt.get(name) as number;
    this.tagIds.set(name, id);
    return id;
  }

  private writeOne(
    { sampleId, result, classification: cls }: AnalyzedSample,
    now: number,
  ): boolean {
    const key = result.key ? parseKey(result.key) : null;
    const d = result.descriptors;
    const changed = this.updateSample.run({
      id: sampleId,
      now,
      version: analyzerVersionCode(result.analyzerVersion),
      duration: result.durationSec,
      sampleRate: result.sampleRate,
      channels: result.channels,
      bitDepth: result.bitDepth,
      kind: result.kind,
      kindConfidence: result.kindConfidence,
      bpm: result.bpm,
      bpmConfidence: result.bpmConfidence,
      bpmSource: result.bpmSource,
      beats: result.beats,
      key: result.key,
      keyCode: key ? keyCode(key) : null,
      keyConfidence: result.keyConfidence,
      keySource: result.keySource,
      rootNote: result.rootNote,
      rootMidi: result.rootMidi,
      rootCents: result.rootCents,
      rootConfidence: result.rootConfidence,
      lufs: result.lufs,
      loudnessMethod: result.loudnessMethod,
      truePeak: result.truePeakDb,
      samplePeak: result.samplePeakDb,
      brightness: d.spectralCentroidHz,
      attackSec: d.attackSec,
      tailSec: d.tailSec,
      stereoWidth: d.stereoWidth,
      clipped: d.clippedSamples > 0 ? 1 : 0,
      class: cls?.class ?? null,
      classConfidence: cls ? cls.confidence : null,
      classSource: cls?.classSource ?? null,
      classTier: cls?.class ? cls.tier : null,
      candidates: cls ? JSON.stringify(cls.candidates) : null,
      loopClass: cls?.loopClass ?? null,
    }).changes;
    if (changed === 0) return false; // the sample was removed meanwhile
    this.upsertFields.run(sampleId, result.analyzerVersion, JSON.stringify(fieldsOf(result)));
    this.upsertPeaks.run(sampleId, Buffer.from(result.peaks));
    this.upsertFeatures.run(
      sampleId,
      result.featureVectorVersion,
      blob(result.featureVector),
      cls?.embeddingVersion ?? null,
      cls ? 'f32' : null,
      cls ? blob(cls.embedding) : null,
    );
    const ids = autoTagsOf(result, cls).map((t) => this.tagId(t, now));
    this.dropAutoTags.run(sampleId, JSON.stringify(ids));
    for (const id of ids) this.addAutoTag.run(sampleId, id, now);
    this.dequeue.run(sampleId);
    return true;
  }

  /**
   * Stores results and failures in one transaction and takes them out of the queue.
   * Returns the ids of the samples that were written (removed samples are skipped).
   */
  write(
    done: readonly AnalyzedSample[],
    failed: readonly FailedSample[] = [],
    now = Date.now(),
  ): number[] {
    const run = this.db.transaction(() => {
      const written: number[] = [];
      for (const s of done) if (this.writeOne(s, now)) written.push(s.sampleId);
      for (const f of failed) {
        const n = this.failStmt.run(f.error.code, f.error.message, now, this.version, f.sampleId);
        this.dequeue.run(f.sampleId);
        if (n.changes > 0) written.push(f.sampleId);
      }
      return written;
    });
    try {
      return run();
    } catch (error) {
      // A cached tag id the user has deleted since: forget the cache and try once more.
      if (!(error instanceof Error && /FOREIGN KEY/.test(error.message))) throw error;
      this.tagIds.clear();
      return run();
    }
  }
}
