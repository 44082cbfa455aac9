/**
 * Find similar: the similarity index loaded lazily from the library on first use and
 * kept in step with it (changed samples are re-read before the next query; a change by
 * another process reloads it), queried with aspect weights and the search filters.
 */
import type { AspectWeights, SimilarItem, SimilarPage } from '../../../shared/contract/similar';
import { AppError } from '../../../shared/result';
import type { SearchFilters } from '../../../shared/schemas';
import type { Db } from '../db';
import { LibraryIndex } from '../searchIndex/libraryIndex';
import { FEATURE_VECTOR_LENGTH } from '../../analysis/vector/featureVector';
import { layoutMatches } from './aspects';
import { candidateIds } from './candidates';
import { featureRowsOf, loadFeatureRows } from './featureRows';
import { SimilarityIndex, type GroupWeights, type Neighbour } from './similarityIndex';
import { summariesOf } from './summaries';
import { EMBEDDING_DIMS, rawRow } from './vectorSpace';

export const DEFAULT_ASPECTS: AspectWeights = { timbre: 1, envelope: 1, pitch: 0.25, rhythm: 0.25 };
/**
 * The classifier embedding's weight against the aspects: 2 was the best of 0.5–6 with the
 * default aspects on the validation kits' one-shots (top-10 same class 83.1 % against
 * 82.3 % at 1; docs/similarity.md).
 */
export const DEFAULT_EMBEDDING_WEIGHT = 2;

export interface FindOptions {
  aspects?: Partial<AspectWeights>;
  embeddingWeight?: number;
  filters?: SearchFilters;
  limit?: number;
}

export type SimilarQuery =
  | { sampleId: number }
  | { vectors: { featureVector: ArrayLike<number>; embedding?: ArrayLike<number> | undefined } };

export function groupWeights(
  options: Pick<FindOptions, 'aspects' | 'embeddingWeight'>,
): GroupWeights {
  const a = { ...DEFAULT_ASPECTS, ...options.aspects };
  const w: GroupWeights = [
    options.embeddingWeight ?? DEFAULT_EMBEDDING_WEIGHT,
    a.timbre,
    a.envelope,
    a.pitch,
    a.rhythm,
  ];
  if (w.every((x) => x === 0))
    throw new AppError('BAD_INPUT', 'at least one aspect needs a weight above 0');
  return w;
}

/** Distance (mean squared standardised difference) → similarity in [0, 1]. */
export function similarityOf(distance: number): number {
  return Math.round(Math.exp(-distance / 2) * 10_000) / 10_000;
}

/** True when any filter is set (missing: 'exclude' is the default, not a filter). */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  if (!filters) return false;
  return Object.entries(filters).some(
    ([k, v]) => v !== undefined && !(k === 'missing' && v === 'exclude'),
  );
}

export class SimilarService {
  private index: SimilarityIndex | null = null;
  private readonly changed = new Set<number>();
  private dataVersion = -1;
  private ownSearchIndex: LibraryIndex | null = null;
  /** Bumps whenever the index content changes (the map uses it to know it is stale). */
  version = 0;

  constructor(
    readonly db: Db,
    /** The library's in-memory search index (null in one-shot CLI runs: one is built here). */
    private readonly searchIndex: LibraryIndex | null,
  ) {}

  /** Samples whose analysis changed (or that were removed): re-read before the next query. */
  samplesChanged(ids: readonly number[]): void {
    if (!this.index) return;
    for (const id of ids) this.changed.add(id);
  }

  /** Something changed that events did not name (a folder removed, missing files purged): reload. */
  invalidate(): void {
    this.dataVersion = -1;
  }

  private currentDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** The index, loaded or brought up to date. */
  similarityIndex(): SimilarityIndex {
    if (!layoutMatches())
      throw new AppError(
        'INTERNAL',
        'the feature vector layout changed: update electron/library/similar/aspects.ts',
      );
    const dv = this.currentDataVersion();
    if (!this.index || dv !== this.dataVersion) {
      const rows = loadFeatureRows(this.db);
      this.index = SimilarityIndex.build(rows.ids, rows.raw, rows.count, rows.hasEmbedding);
      this.changed.clear();
      this.dataVersion = dv;
      this.version++;
    } else if (this.changed.size > 0) {
      const ids = [...this.changed];
      this.changed.clear();
      const rows = featureRowsOf(this.db, ids);
      const seen = new Set<number>();
      for (const r of rows) {
        this.index.upsert(r.id, r.raw, r.hasEmbedding);
        seen.add(r.id);
      }
      for (const id of ids) if (!seen.has(id)) this.index.remove(id);
      this.version++;
    }
    return this.index;
  }

  /** The library's search index (or one of our own, loaded and refreshed here). */
  libraryIndex(): LibraryIndex {
    if (this.searchIndex?.loaded) {
      this.ownSearchIndex = null; // the library's own index is ready: drop the stand-in
      if (this.searchIndex.isStale()) this.searchIndex.loadSync();
      return this.searchIndex;
    }
    if (!this.ownSearchIndex) {
      this.ownSearchIndex = new LibraryIndex(this.db);
      this.ownSearchIndex.loadSync();
    } else if (this.ownSearchIndex.isStale()) this.ownSearchIndex.loadSync();
    return this.ownSearchIndex;
  }

  /** Standardised query row of a sample or of raw vectors. */
  queryRow(query: SimilarQuery): {
    row: Float32Array;
    sampleId: number | null;
    hasEmbedding: boolean;
  } {
    const index = this.similarityIndex();
    if ('sampleId' in query) {
      const row = index.rowOf(query.sampleId);
      if (!row) {
        const exists = this.db.prepare('SELECT 1 FROM samples WHERE id = ?').get(query.sampleId);
        throw new AppError(
          'NOT_FOUND',
          exists
            ? `sample ${query.sampleId} has not been analysed yet (no feature vector)`
            : `no sample with id ${query.sampleId}`,
        );
      }
      return { row, sampleId: query.sampleId, hasEmbedding: index.hasEmbedding(query.sampleId) };
    }
    const { featureVector, embedding } = query.vectors;
    if (featureVector.length !== FEATURE_VECTOR_LENGTH)
      throw new AppError(
        'BAD_INPUT',
        `a feature vector has ${FEATURE_VECTOR_LENGTH} values (got ${featureVector.length})`,
      );
    if (embedding && embedding.length !== EMBEDDING_DIMS)
      throw new AppError(
        'BAD_INPUT',
        `an embedding has ${EMBEDDING_DIMS} values (got ${embedding.length})`,
      );
    return {
      row: index.standardise(rawRow(featureVector, embedding ?? null, null)),
      sampleId: null,
      hasEmbedding: embedding !== undefined,
    };
  }

  /** Nearest neighbours (ids and distances) of a query, among the samples passing the filters. */
  neighbours(
    query: SimilarQuery,
    options: FindOptions = {},
  ): {
    neighbours: Neighbour[];
    compared: number;
    row: Float32Array;
    sampleId: number | null;
    hasEmbedding: boolean;
  } {
    const weights = groupWeights(options);
    const q = this.queryRow(query);
    const index = this.similarityIndex();
    const lib = this.libraryIndex();
    const limit = options.limit ?? 20;
    if (!hasFilters(options.filters)) {
      // No filters: scan the index directly and drop missing / removed samples afterwards.
      const c = lib.columns;
      const usable = (id: number) => c.present[id] === 1 && c.missing[id] !== 1;
      const found = index.search(q.row, weights, null, limit + 32, q.sampleId ?? -1);
      const kept = found.neighbours.filter((n) => usable(n.id));
      if (kept.length >= limit || kept.length === found.neighbours.length)
        return { neighbours: kept.slice(0, limit), compared: found.compared, ...q };
    }
    const candidates = candidateIds(lib, options.filters);
    const { neighbours, compared } = index.search(
      q.row,
      weights,
      candidates,
      limit,
      q.sampleId ?? -1,
    );
    return { neighbours, compared, ...q };
  }

  find(query: SimilarQuery, options: FindOptions = {}): SimilarPage {
    const started = performance.now();
    const found = this.neighbours(query, options);
    const index = this.similarityIndex();
    const summaries = summariesOf(
      this.db,
      found.neighbours.map((n) => n.id),
    );
    const byId = new Map(found.neighbours.map((n) => [n.id, n]));
    const items: SimilarItem[] = summaries.map((sample) => {
      const n = byId.get(sample.id)!;
      const g = index.groupDistances(found.row, sample.id);
      const both = found.hasEmbedding && index.hasEmbedding(sample.id);
      return {
        sample,
        similarity: similarityOf(n.distance),
        aspects: {
          timbre: similarityOf(g[1]!),
          envelope: similarityOf(g[2]!),
          pitch: similarityOf(g[3]!),
          rhythm: similarityOf(g[4]!),
        },
        embedding: both ? similarityOf(g[0]!) : null,
      };
    });
    return {
      query: found.sampleId === null ? null : (summariesOf(this.db, [found.sampleId])[0] ?? null),
      items,
      indexed: index.size,
      compared: found.compared,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }
}
