import { indexText } from '../../../shared/searchText';
import type { Db } from '../db';
import { extraCopyIds } from '../extraCopies';
import { Bitset } from './bitset';
import { INDEX_ROW_SQL, SampleColumns, type IndexRow } from './columns';
import { TokenIndex } from './tokenIndex';

function words(text: string): string[] {
  return indexText(text).split(' ').filter(Boolean);
}

/**
 * An in-memory mirror of what search needs from the samples table: typed-array
 * columns, word → id postings for names, words of folders and tags, and tag
 * membership sets. It answers a search at 1M samples in a few milliseconds; the
 * library service tells it which rows changed, and a change of the database by
 * another process (PRAGMA data_version) marks it stale until it is reloaded.
 */
export class LibraryIndex {
  columns = new SampleColumns();
  nameWords = new TokenIndex();
  /** word → dir ids */
  dirWords = new TokenIndex();
  /** word → tag ids */
  tagWords = new TokenIndex();
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

  /** Loads everything, yielding to the event loop between chunks (for big libraries). */
  async load(chunk = 20_000): Promise<void> {
    this.reset();
    this.dataVersion = this.currentDataVersion();
    const stmt = this.db.prepare(`${INDEX_ROW_SQL} WHERE id > ? ORDER BY id LIMIT ?`).raw(true);
    let last = 0;
    for (;;) {
      const rows = stmt.all(last, chunk) as IndexRow[];
      if (rows.length === 0) break;
      for (const row of rows) this.setRow(row);
      last = rows[rows.length - 1]![0];
      if (rows.length < chunk) break;
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
    const previous = this.columns.set(row);
    const name = row[3];
    if (previous !== undefined) {
      if (previous === name) return;
      this.nameWords.remove(new Set(words(previous)), new Set([id]));
    }
    for (const w of new Set(words(name))) this.nameWords.add(w, id);
    this.indexNewDirs();
  }

  private indexNewDirs(): void {
    const dirs = this.columns.dirs;
    for (; this.dirsIndexed < dirs.length; this.dirsIndexed++) {
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
