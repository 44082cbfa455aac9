import type { SearchPage } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { SearchQuery } from '../../../shared/schemas';
import type { Db } from '../db';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../sampleRow';
import type { LibraryIndex } from '../searchIndex/libraryIndex';
import { memorySearch } from '../searchIndex/memorySearch';
import type { SortPoint } from '../searchIndex/sortOrder';
import { tagsOf } from '../tagsOf';
import { decodeCursor, encodeCursor } from './cursor';
import { searchSamples } from './search';

/**
 * Answers searches from the in-memory index when it is loaded and current, and
 * from SQLite otherwise (while the index loads, after another process changed the
 * database, for path order, and in one-shot CLI runs). Both give the same rows.
 */
export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly index: LibraryIndex | null,
  ) {}

  get usesIndex(): boolean {
    return this.index !== null && this.index.loaded && !this.index.isStale();
  }

  search(query: SearchQuery): SearchPage {
    const started = performance.now();
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    if (cursor && cursor.k !== 'm') return searchSamples(this.db, query);
    if (!this.usesIndex || !this.index) {
      if (cursor)
        throw new AppError(
          'BAD_INPUT',
          'the search index was reloaded: ask for the first page again',
        );
      return searchSamples(this.db, query);
    }
    const after: SortPoint | null =
      cursor?.k === 'm'
        ? {
            key: cursor.key ?? Infinity,
            ...(cursor.tie !== undefined ? { tie: cursor.tie } : {}),
            id: cursor.id,
          }
        : null;
    const page = memorySearch(this.index, query, after);
    if (!page) {
      if (cursor) throw new AppError('BAD_INPUT', 'invalid cursor: ask for the first page again');
      return searchSamples(this.db, query);
    }
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM json_each(?) j JOIN samples s ON s.id = j.value ORDER BY j.key`,
      )
      .all(JSON.stringify(page.ids)) as SummaryRow[];
    const tags = tagsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const next = page.next;
    return {
      items: rows.map((r) => toSummary(r, tags.get(r.id))),
      nextCursor: next
        ? encodeCursor({
            k: 'm',
            key: Number.isFinite(next.key) ? next.key : null,
            ...(next.tie !== undefined ? { tie: next.tie } : {}),
            id: next.id,
          })
        : null,
      total: query.count === false || cursor ? null : page.total,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }
}
