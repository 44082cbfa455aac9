import { indexText } from '../../../shared/searchText';
import type { Db } from '../db';
import { extraCopyIds } from '../extraCopies';
import { Bitset } from './bitset';
import { INDEX_ROW_SQL, SampleColumns, type IndexRow } from './columns';
import { IdList } from './idList';
import { TokenIndex } from './tokenIndex';

function words(text: string): string[] {
  return indexText(text).split(' ').filter(Boolean);
}

/**
 * An in-memory mirror of what search needs from the samples table. It answers a
 * search at 1M samples in a few milliseconds; the library service tells it which
 * rows changed, and a change of the database by another process (PRAGMA
 * data_version) marks it stale until it is reloaded.
 *
 * What it holds (the API other search code builds on):
 * - `columns` (SampleColumns): typed arrays indexed by sample id — present, missing,
 *   dirId, cls (class code, -1 = none), kind, bpm, keyCode, duration, lufs, rating,
 *   favorite, … — plus interned folders (`columns.dirs`) and classes (`classCodes`).
 * - `nameWords`: word of a name → sample ids; `forPrefix(word, visit)` visits every
 *   word starting with `word` (a contiguous range of the sorted words), so a prefix
 *   costs its hits, not the vocabulary.
 * - `dirWords`: word of a folder path → dir ids; `dirMembers[dirId]`: the samples in
 *   that folder. A word's folder hits are the members of its matching folders.
 * - `tagWords`: word of a tag name → tag ids; `tagMembers`: tag id → Bitset of samples;
 *   `tagIdByName`: lower-cased tag name → id.
 * textMatch.ts turns query words into per-word matches (names / folders / tags, and a
 * bound on the hits), memorySearch.ts walks the hits of the rarest word (or every id
 * when each word matches much of the library), filterPasses.ts narrows by filters and
 * selectPage.ts picks the page without sorting everything. Extra ways for a word to
 * match (synonyms, typos, class names) belong in textMatch: add their ids to the
 * word's sets and to its bound.
 */
export class LibraryIndex {
  columns = new SampleColumns();
  nameWords = new TokenIndex();
  /** word → dir ids */
  dirWords = new TokenIndex();
  /** word → tag ids */
  tagWords = new TokenIndex();
  /** dir id → ids of the samples in that folder (any order). */
  dirMembers: IdList[] = [];
  tagMembers = new Map<number, Bitset>();
  tagIdByName = new Map<string, number>();
  private dirsIndexed = 0;
  private dupCache: { flags: Uint8Array; version: number } | null = null;
  private hashVersion = 0;
  /** Which copy of a duplicate group is kept also depends on tags: bumped by rows and tags. */
  private keeperVersion = 0;
  private extraCache: { flags: Uint8Array; version: number } | null = null;
  private collectionCache = new Map<number, Bitset>();
  private dataVersion = -1;
  loaded = false;

  constructor(private readonly db: Db) {}

  /**
   * Loads everything, yielding to the event loop between chunks (for big libraries).
   * Rows are read one at a time (iterate, not all): each dies young, so loading a
   * million rows does not leave the heap hundreds of megabytes larger than what it keeps.
   */
  async load(chunk = 20_000): Promise<void> {
    this.reset();
    this.dataVersion = this.currentDataVersion();
    const stmt = this.db.prepare(`${INDEX_ROW_SQL} WHERE id > ? ORDER BY id LIMIT ?`).raw(true);
    let last = 0;
    for (;;) {
      let count = 0;
      for (const row of stmt.iterate(last, chunk) as IterableIterator<IndexRow>) {
        this.setRow(row);
        last = row[0];
        count++;
      }
      if (count < chunk) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.loadTags();
    this.loaded = true;
  }

  /** Synchronous full load (tests, CLI). */
  loadSync(): void {
    this.reset();
    this.dataVersion = this.currentDataVersion();
    for (const row of this.db
      .prepare(INDEX_ROW_SQL)
      .raw(true)
      .iterate() as IterableIterator<IndexRow>)
      this.setRow(row);
    this.loadTags();
    this.loaded = true;
  }

  private reset(): void {
    this.columns = new SampleColumns();
    this.nameWords = new TokenIndex();
    this.dirWords = new TokenIndex();
    this.dirMembers = [];
    this.dirsIndexed = 0;
    this.dupCache = null;
    this.extraCache = null;
    this.collectionCache.clear();
    this.loaded = false;
  }

  /** True when another connection changed the database since we last looked. */
  isStale(): boolean {
    return this.currentDataVersion() !== this.dataVersion;
  }

  private currentDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private setRow(row: IndexRow): void {
    const id = row[0];
    const c = this.columns;
    const oldDir = id < c.present.length && c.present[id] === 1 ? c.dirId[id]! : -1;
    const previous = c.set(row);
    this.indexNewDirs();
    const dir = c.dirId[id]!;
    if (dir !== oldDir) {
      if (oldDir >= 0) this.dirMembers[oldDir]!.removeWhere((x) => x === id);
      this.dirMembers[dir]!.push(id);
    }
    const name = row[3];
    if (previous !== undefined) {
      if (previous === name) return;
      this.nameWords.remove(new Set(words(previous)), new Set([id]));
    }
    for (const w of new Set(words(name))) this.nameWords.add(w, id);
  }

  private indexNewDirs(): void {
    const dirs = this.columns.dirs;
    for (; this.dirsIndexed < dirs.length; this.dirsIndexed++) {
      this.dirMembers.push(new IdList());
      for (const w of new Set(dirs[this.dirsIndexed]!.words))
        this.dirWords.add(w, this.dirsIndexed);
    }
  }

  /** Re-reads the given samples (inserted, updated or deleted). */
  refreshSamples(ids: readonly number[]): void {
    if (!this.loaded || ids.length === 0) return;
    const rows = this.db
      .prepare(`${INDEX_ROW_SQL} WHERE id IN (SELECT value FROM json_each(?))`)
      .raw(true)
      .all(JSON.stringify(ids)) as IndexRow[];
    const seen = new Set<number>();
    for (const row of rows) {
      seen.add(row[0]);
      this.setRow(row);
    }
    const gone = ids.filter((id) => !seen.has(id));
    if (gone.length > 0) {
      const goneSet = new Set(gone);
      const goneWords = new Set<string>();
      for (const id of gone) {
        if (id < this.columns.present.length && this.columns.present[id] === 1)
          this.dirMembers[this.columns.dirId[id]!]!.removeWhere((x) => x === id);
        const name = this.columns.remove(id);
        if (name !== undefined) for (const w of words(name)) goneWords.add(w);
        for (const members of this.tagMembers.values()) members.delete(id);
      }
      this.nameWords.remove(goneWords, goneSet);
    }
    this.hashVersion++;
    this.keeperVersion++;
    this.dataVersion = this.currentDataVersion();
  }

  /** Re-reads tag memberships of some samples, or every tag when `sampleIds` is omitted. */
  refreshTags(sampleIds?: readonly number[]): void {
    if (!this.loaded) return;
    this.keeperVersion++;
    if (!sampleIds) {
      this.loadTags();
      return;
    }
    this.loadTagNames();
    for (const id of sampleIds) {
      for (const members of this.tagMembers.values()) members.delete(id);
      if (id < this.columns.userTags.length) this.columns.userTags[id] = 0;
    }
    const rows = this.db
      .prepare(
        `SELECT sample_id, tag_id, source FROM sample_tags
          WHERE source IN ('user', 'auto') AND sample_id IN (SELECT value FROM json_each(?))`,
      )
      .raw(true)
      .all(JSON.stringify(sampleIds)) as Array<[number, number, string]>;
    for (const row of rows) this.addMembership(row);
    this.dataVersion = this.currentDataVersion();
  }

  invalidateCollections(): void {
    this.collectionCache.clear();
    this.dataVersion = this.currentDataVersion();
  }

  private loadTagNames(): void {
    const tags = this.db.prepare('SELECT id, name FROM tags').raw(true).all() as Array<
      [number, string]
    >;
    if (
      tags.length === this.tagIdByName.size &&
      tags.every(([id, name]) => this.tagIdByName.get(name.toLowerCase()) === id)
    )
      return;
    this.tagIdByName = new Map();
    this.tagWords = new TokenIndex();
    for (const [id, name] of tags) {
      this.tagIdByName.set(name.toLowerCase(), id);
      for (const w of new Set(words(name))) this.tagWords.add(w, id);
    }
  }

  private loadTags(): void {
    this.tagIdByName = new Map();
    this.loadTagNames();
    this.tagMembers = new Map();
    this.columns.userTags.fill(0);
    const rows = this.db
      .prepare("SELECT sample_id, tag_id, source FROM sample_tags WHERE source IN ('user', 'auto')")
      .raw(true)
      .iterate() as IterableIterator<[number, number, string]>;
    for (const row of rows) this.addMembership(row);
  }

  private addMembership([sampleId, tagId, source]: [number, number, string]): void {
    let members = this.tagMembers.get(tagId);
    if (!members) {
      members = new Bitset(this.columns.maxId + 1);
      this.tagMembers.set(tagId, members);
    }
    members.add(sampleId);
    if (source === 'user' && sampleId < this.columns.userTags.length)
      this.columns.userTags[sampleId]!++;
  }

  /** Members of a collection (cached until collections change). */
  collectionMembers(collectionId: number): Bitset {
    let members = this.collectionCache.get(collectionId);
    if (!members) {
      const ids = this.db
        .prepare('SELECT sample_id FROM collection_samples WHERE collection_id = ?')
        .pluck()
        .all(collectionId) as number[];
      members = Bitset.fromIds(ids, this.columns.maxId + 1);
      this.collectionCache.set(collectionId, members);
    }
    return members;
  }

  /** 1 for every sample whose content hash another sample shares (cached until samples change). */
  duplicateFlags(): Uint8Array {
    if (this.dupCache && this.dupCache.version === this.hashVersion) return this.dupCache.flags;
    const flags = new Uint8Array(this.columns.maxId + 1);
    const ids = this.db
      .prepare(
        `SELECT id FROM samples WHERE content_hash IN (
           SELECT content_hash FROM samples WHERE content_hash IS NOT NULL GROUP BY content_hash HAVING count(*) > 1)`,
      )
      .pluck()
      .iterate() as IterableIterator<number>;
    for (const id of ids) if (id < flags.length) flags[id] = 1;
    this.dupCache = { flags, version: this.hashVersion };
    return flags;
  }

  /**
   * 1 for every extra copy of an exact duplicate (each group but its suggested keeper;
   * cached until samples or tags change).
   */
  extraCopyFlags(): Uint8Array {
    if (this.extraCache && this.extraCache.version === this.keeperVersion)
      return this.extraCache.flags;
    const flags = new Uint8Array(this.columns.maxId + 1);
    for (const id of extraCopyIds(this.db)) if (id < flags.length) flags[id] = 1;
    this.extraCache = { flags, version: this.keeperVersion };
    return flags;
  }
}
