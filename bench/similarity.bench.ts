// Find-similar speed at 100k and 1M samples (generated embeddings + feature groups with
// class/kit cluster structure, through the same index and filter passes the app uses),
// memory, recall against an exact scan, and neighbour quality on held-out real audio
// (the classifier's held-out hydrogen kits and lmms drums, analysed by the engine).
// Goals: p95 < 50 ms at 1M; ≥ 90 % of top-10 neighbours share the query's class.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../electron/analysis/analyzeFile';
import { defaultModelsDir, MODEL_FILE } from '../electron/analysis/classify/classifier';
import { classifyResult } from '../electron/analysis/classify/workerClassifier';
import { ANALYZER_VERSION } from '../electron/analysis/version';
import { FEATURE_VECTOR_VERSION } from '../electron/analysis/vector/featureVector';
import { openDatabase } from '../electron/library/db';
import { candidateIds } from '../electron/library/similar/candidates';
import { nearDuplicates } from '../electron/library/similar/nearDuplicates';
import { groupWeights } from '../electron/library/similar/similarService';
import { SimilarityIndex, type GroupWeights } from '../electron/library/similar/similarityIndex';
import { syntheticRows } from '../electron/library/similar/syntheticVectors';
import { FULL_DIMS, rawRow } from '../electron/library/similar/vectorSpace';
import { LibraryIndex } from '../electron/library/searchIndex/libraryIndex';
import type { SearchFilters } from '../shared/schemas';
import { hydrogenCandidates } from '../models/training/hydrogenKits';
import { lmmsCandidates } from '../models/training/lmmsSamples';
import { DATA_DIR, isMain, percentile, round, writeResult } from './lib/results';
import { syntheticDb } from './search.bench';

const SIZES = (process.env.BENCH_SIMILAR_SIZES ?? '100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_SIMILAR_QUERIES ?? 100);
const DEFAULT: GroupWeights = groupWeights({});

const CASES: Array<{ label: string; weights: GroupWeights; filters?: SearchFilters }> = [
  { label: 'default aspects, no filter', weights: DEFAULT },
  { label: 'timbre only', weights: [0, 1, 0, 0, 0] },
  {
    label: 'rhythm-weighted, loops 120–128 BPM',
    weights: [0.5, 0.2, 0.2, 0, 1],
    filters: { kind: 'loop', bpm: { min: 120, max: 128 } },
  },
  { label: 'only kicks', weights: DEFAULT, filters: { classes: ['kick'] } },
];

function speed(count: number): Record<string, unknown> {
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const rows = syntheticRows({ count });
  const genMs = performance.now() - t;
  t = performance.now();
  const index = SimilarityIndex.build(rows.ids, rows.raw, rows.count);
  const buildMs = performance.now() - t;
  const rssIndex = process.memoryUsage().rss;
  const db = openDatabase(syntheticDb(count), { readonly: true });
  const lib = new LibraryIndex(db);
  lib.loadSync();
  const cases = CASES.map((c) => {
    // Warm-up (JIT, scratch buffers, the garbage of the build) before timing.
    for (let q = 0; q < 10; q++) {
      const id = 1 + ((q * 104_729 + 7) % count);
      index.search(
        index.rowOf(id)!,
        c.weights,
        c.filters ? candidateIds(lib, c.filters) : null,
        10,
        id,
      );
    }
    const times: number[] = [];
    let same = 0;
    let total = 0;
    let recall = 0;
    let recallRuns = 0;
    let compared = 0;
    for (let q = 0; q < QUERIES; q++) {
      const id = 1 + ((q * 7919 + 13) % count);
      const z = index.rowOf(id)!;
      const start = performance.now();
      // As the service does: filters go through the search index's passes; no filter scans the index.
      const cand = c.filters ? candidateIds(lib, c.filters) : null;
      const res = index.search(z, c.weights, cand, 10, id);
      times.push(performance.now() - start);
      compared += res.compared;
      for (const n of res.neighbours) {
        total++;
        if (rows.classes[n.id - 1] === rows.classes[id - 1]) same++;
      }
      if (q < 10) {
        const exact = index.search(z, c.weights, cand, 10, id, count, count);
        const ids = new Set(exact.neighbours.map((n) => n.id));
        if (ids.size > 0) {
          recall += res.neighbours.filter((n) => ids.has(n.id)).length / ids.size;
          recallRuns++;
        }
      }
    }
    times.sort((a, b) => a - b);
    return {
      case: c.label,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(times[times.length - 1]!),
      meanCompared: Math.round(compared / QUERIES),
      recallAt10VsExact: recallRuns ? round(recall / recallRuns, 3) : null,
      syntheticSameCluster: total ? round(same / total, 3) : null,
    };
  });
  let nearDuplicatePassMs: number | null = null;
  if (count <= 100_000) {
    const t0 = performance.now();
    nearDuplicates(db, index, {});
    nearDuplicatePassMs = Math.round(performance.now() - t0);
  }
  db.close();
  return {
    nearDuplicatePassMs,
    samples: count,
    generateMs: Math.round(genMs),
    buildMs: Math.round(buildMs),
    indexMiB: round(index.memoryBytes() / 2 ** 20, 1),
    bytesPerSample: Math.round(index.memoryBytes() / count),
    rssGrowthMiB: round((rssIndex - rssBefore) / 2 ** 20, 1),
    cases,
    goalP95Ms: 50,
  };
}

interface HeldOut {
  file: string;
  label: string;
  group: string;
  vector: number[];
  embedding: number[] | null;
  rootMidi: number | null;
}

const HELD_OUT_KITS = ['TR808EmulationKit', 'ForzeeStereo', 'Gimme A Hand 1.0', 'rumpf_kit_z01_h2'];
const HELD_OUT_LMMS = ['drums'];

async function heldOutData(): Promise<HeldOut[]> {
  mkdirSync(DATA_DIR, { recursive: true });
  // Keyed by vector version, analyser and model: a retrained model re-embeds.
  const model = createHash('sha1')
    .update(readFileSync(join(defaultModelsDir(), MODEL_FILE)))
    .digest('hex')
    .slice(0, 12);
  const cache = join(
    DATA_DIR,
    `similarity-heldout-v${FEATURE_VECTOR_VERSION}@${ANALYZER_VERSION}-${model}.json`,
  );
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as HeldOut[];
  const files = [
    ...hydrogenCandidates().candidates.filter((c) => HELD_OUT_KITS.includes(c.id.split('/')[1]!)),
    ...lmmsCandidates().filter(
      (c) => HELD_OUT_LMMS.includes(c.id.split('/')[1]!) && c.kind === 'one-shot',
    ),
  ];
  const out: HeldOut[] = [];
  for (const c of files) {
    try {
      const r = await analyzeFile(c.path);
      const cls = await classifyResult(r);
      out.push({
        file: c.id,
        label: c.label,
        group: c.group,
        vector: [...r.featureVector],
        embedding: cls ? [...cls.embedding] : null,
        rootMidi: r.rootMidi,
      });
    } catch {
      // undecodable files are left out (the model card lists them)
    }
  }
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

async function quality(): Promise<Record<string, unknown>> {
  const data = await heldOutData();
  const raw = new Float32Array(data.length * FULL_DIMS);
  data.forEach((d, i) =>
    rawRow(d.vector, d.embedding, d.rootMidi, raw.subarray(i * FULL_DIMS, (i + 1) * FULL_DIMS)),
  );
  const ids = Int32Array.from(data, (_, i) => i + 1);
  const index = SimilarityIndex.build(
    ids,
    raw,
    data.length,
    Uint8Array.from(data, (d) => (d.embedding ? 1 : 0)),
  );
  const configs: Array<[string, GroupWeights]> = [
    [
      `default (embedding ${DEFAULT[0]}, timbre ${DEFAULT[1]}, envelope ${DEFAULT[2]}, pitch ${DEFAULT[3]}, rhythm ${DEFAULT[4]})`,
      DEFAULT,
    ],
    [
      'embedding 1 with the default aspects (the default before 2026-12-06, evening)',
      [1, 1, 1, 0.25, 0.25],
    ],
    ['embedding only', [1, 0, 0, 0, 0]],
    ['feature groups only', [0, 1, 1, 0.25, 0.25]],
    ['embedding 3 + timbre 1', [3, 1, 0, 0, 0]],
  ];
  const results = configs.map(([label, weights]) => {
    let same = 0;
    let total = 0;
    const perClass = new Map<string, [number, number]>();
    for (let i = 0; i < data.length; i++) {
      const res = index.search(index.rowOf(i + 1)!, weights, null, 10, i + 1);
      const pc = perClass.get(data[i]!.label) ?? [0, 0];
      for (const n of res.neighbours) {
        const hit = data[n.id - 1]!.label === data[i]!.label ? 1 : 0;
        same += hit;
        total++;
        pc[0] += hit;
        pc[1]++;
      }
      perClass.set(data[i]!.label, pc);
    }
    return {
      weights: label,
      top10SameClass: round(same / total, 3),
      perClass: Object.fromEntries([...perClass].map(([k, [s, t]]) => [k, round(s / t, 3)])),
    };
  });
  const counts: Record<string, number> = {};
  for (const d of data) counts[d.label] = (counts[d.label] ?? 0) + 1;
  return {
    data: `held-out split of the classifier: hydrogen kits ${HELD_OUT_KITS.join(', ')} and lmms ${HELD_OUT_LMMS.join(', ')} one-shots, analysed by analyzeFile + classifier embedding`,
    files: data.length,
    withEmbedding: data.filter((d) => d.embedding).length,
    classes: counts,
    goal: 0.9,
    results,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const sizes = SIZES.map(speed);
  const q = await quality();
  const result = {
    speed: sizes,
    quality: q,
    note: 'figures taken on a shared 2-core machine under load',
  };
  writeResult('similarity', result);
  return result;
}

if (isMain(import.meta.url)) console.log(JSON.stringify(await run(), null, 2));
