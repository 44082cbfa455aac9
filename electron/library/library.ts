import type {
  EventName,
  Events,
  ImportJobInfo,
  LibraryChanged,
  NameHints,
} from '../../shared/contract';
import type { SearchQuery } from '../../shared/schemas';
import type { Db } from './db';
import { addFolder, getFolder, removeFolder } from './folders';
import { Importer } from './import/importer';
import { recentJobs } from './import/jobs';
import type { ProbeResult } from './probe/types';
import { SearchService } from './search/searchService';
import { LibraryIndex } from './searchIndex/libraryIndex';
import { SampleWriter } from './import/sampleWriter';
import { FolderWatcher, type WatchOptions } from './watch/folderWatcher';

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface LibraryOptions {
  db: Db;
  emit: Emit;
  probe: (path: string) => ProbeResult;
  hints: (fileName: string, dir: string) => NameHints;
  /** Keep the in-memory search index (the app and web mode do; one-shot CLI runs do not). */
  memoryIndex?: boolean;
  /** Watch library folders for changes while running (the app and web mode do). */
  watch?: boolean | WatchOptions;
  /** Read files for imports on a worker thread, so both cores work (file databases only). */
  workerImport?: boolean;
}

/**
 * The library as a service: the database, the in-memory search index kept in
 * step with every write, the import queue, and the events the UI listens to.
 * Everything that changes samples goes through here so nothing goes stale.
 */
export class Library {
  readonly db: Db;
  readonly index: LibraryIndex | null;
  readonly search: SearchService;
  readonly importer: Importer;
  private readonly emit: Emit;
  readonly watcher: FolderWatcher | null;

  constructor(options: LibraryOptions) {
    this.db = options.db;
    this.emit = options.emit;
    this.index = options.memoryIndex === false ? null : new LibraryIndex(options.db);
    this.search = new SearchService(options.db, this.index);
    this.importer = new Importer({
      db: options.db,
      probe: options.probe,
      hints: options.hints,
      onSamples: (ids) => this.samplesChanged(ids, 'import'),
      onProgress: (job) => this.emit('import.progress', { job }),
      worker: options.workerImport ?? false,
    });
    this.watcher = options.watch
      ? new FolderWatcher(
          options.db,
          { writer: new SampleWriter(options.db), probe: options.probe, hints: options.hints },
          (ids) => this.samplesChanged(ids, 'watch'),
          options.watch === true ? {} : options.watch,
        )
      : null;
  }

  /** Starts watching every library folder marked for watching. */
  private async watchFolders(): Promise<void> {
    if (!this.watcher) return;
    const folders = this.db.prepare('SELECT id, path FROM folders WHERE watch = 1').all() as Array<{
      id: number;
      path: string;
    }>;
    await Promise.all(folders.map((f) => this.watcher!.watch(f.id, f.path)));
  }

  async close(): Promise<void> {
    this.importer.suspendAll();
    await this.importer.whenIdle();
    await this.watcher?.close();
  }

  /** Loads the search index and resumes imports a previous run left unfinished. */
  async start(): Promise<void> {
    await this.index?.load();
    this.importer.resumeInterrupted();
    await this.watchFolders();
  }

  /** Reloads the index if another process changed the database (call before serving a search). */
  async refreshIfStale(): Promise<void> {
    if (this.index?.loaded && this.index.isStale()) await this.index.load();
  }

  samplesChanged(ids: readonly number[], reason: LibraryChanged['reason']): void {
    this.index?.refreshSamples(ids);
    this.emit('library.changed', { reason, sampleIds: [...ids] });
  }

  /** The files of these samples were moved to the OS trash: they are missing now. */
  samplesTrashed(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const mark = this.db.prepare('UPDATE samples SET missing = 1 WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) mark.run(id);
    })();
    this.samplesChanged(ids, 'watch');
  }

  /** The id of the sample at `path` (present or missing), if the library has one. */
  sampleIdAt(path: string): number | undefined {
    return this.db.prepare('SELECT id FROM samples WHERE path = ?').pluck().get(path) as
      | number
      | undefined;
  }

  /** Analysis results were stored: new column values and automatic tags. */
  samplesAnalysed(ids: readonly number[]): void {
    this.index?.refreshSamples(ids);
    this.index?.refreshTags(ids);
    this.emit('library.changed', { reason: 'analysis', sampleIds: [...ids] });
  }

  tagsChanged(ids?: readonly number[]): void {
    this.index?.refreshTags(ids);
    this.emit(
      'library.changed',
      ids ? { reason: 'tags', sampleIds: [...ids] } : { reason: 'tags' },
    );
  }

  collectionsChanged(): void {
    this.index?.invalidateCollections();
    this.emit('library.changed', { reason: 'collections' });
  }

  addFolder(path: string, watch = true): ImportJobInfo {
    const folderId = addFolder(this.db, path, watch);
    if (watch && this.watcher) void this.watcher.watch(folderId, getFolder(this.db, folderId).path);
    this.emit('library.changed', { reason: 'folders', folderIds: [folderId] });
    return this.importer.enqueue(folderId);
  }

  rescan(folderId?: number): ImportJobInfo[] {
    const ids =
      folderId !== undefined
        ? [getFolder(this.db, folderId).id]
        : (this.db.prepare('SELECT id FROM folders ORDER BY id').pluck().all() as number[]);
    return ids.map((id) => this.importer.enqueue(id));
  }

  removeFolder(folderId: number): number {
    const ids = this.db
      .prepare('SELECT id FROM samples WHERE folder_id = ?')
      .pluck()
      .all(folderId) as number[];
    void this.watcher?.unwatch(folderId);
    const removed = removeFolder(this.db, folderId);
    this.index?.refreshSamples(ids);
    this.emit('library.changed', { reason: 'folders', folderIds: [folderId] });
    return removed;
  }

  purgeMissing(folderId?: number): number {
    const where = folderId === undefined ? 'missing = 1' : 'missing = 1 AND folder_id = ?';
    const params = folderId === undefined ? [] : [folderId];
    const ids = this.db
      .prepare(`SELECT id FROM samples WHERE ${where}`)
      .pluck()
      .all(...params) as number[];
    this.db.prepare(`DELETE FROM samples WHERE ${where}`).run(...params);
    this.samplesChanged(ids, 'purge');
    return ids.length;
  }

  recentJobs(): ImportJobInfo[] {
    return recentJobs(this.db);
  }

  runSearch(query: SearchQuery) {
    return this.search.search(query);
  }
}
