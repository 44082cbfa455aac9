import { watch, type FSWatcher } from 'chokidar';
import { statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { isBusy, type Db } from '../db';
import { AUDIO_EXTENSIONS, extensionOf } from '../import/audioExtensions';
import { indexFile, type IndexFileDeps, type KnownSample } from '../import/indexFile';
import { mergeMoved } from '../import/mergeMoved';

export interface WatchOptions {
  /** Quiet time before a burst of changes is applied. */
  debounceMs?: number;
  /** How long a file's size must stay still before it is read (half-written files). */
  writeFinishMs?: number;
  /** Poll instead of using OS events (network drives, tests on odd filesystems). */
  usePolling?: boolean;
}

interface Pending {
  changed: Set<string>;
  removed: Set<string>;
  removedDirs: Set<string>;
  timer: NodeJS.Timeout | null;
}

/**
 * Keeps library folders in step with the disk while the app runs: new and changed
 * audio files are indexed, deleted ones marked missing, and a rename or move (a
 * delete plus an add of the same audio, in either order) keeps the sample's tags,
 * ratings and collections.
 */
export class FolderWatcher {
  private readonly watchers = new Map<
    number,
    { root: string; watcher: FSWatcher; ready: Promise<void> }
  >();
  private readonly pending = new Map<number, Pending>();
  /** Samples the watcher added recently: a later delete of the same audio is a move. */
  private recentlyAdded: Array<{ id: number; at: number }> = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly deps: IndexFileDeps,
    private readonly onSamples: (ids: number[]) => void,
    private readonly options: WatchOptions = {},
  ) {}

  /** Starts watching a library folder; resolves once the initial tree is being watched. */
  watch(folderId: number, root: string): Promise<void> {
    const existing = this.watchers.get(folderId);
    if (existing) return existing.ready;
    const writeFinish = this.options.writeFinishMs ?? 400;
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: true,
      usePolling: this.options.usePolling ?? false,
      interval: 200,
      awaitWriteFinish:
        writeFinish > 0
          ? { stabilityThreshold: writeFinish, pollInterval: Math.min(100, writeFinish) }
          : false,
      ignored: (path: string) => basename(path).startsWith('.') && path !== root,
    });
    const queue = (kind: 'changed' | 'removed' | 'removedDirs') => (path: string) =>
      this.queue(folderId, kind, path);
    watcher.on('add', queue('changed'));
    watcher.on('change', queue('changed'));
    watcher.on('unlink', queue('removed'));
    watcher.on('unlinkDir', queue('removedDirs'));
    watcher.on('error', () => {
      // A vanished or unreadable folder shows up on the next scan; the watcher keeps going.
    });
    const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watchers.set(folderId, { root, watcher, ready });
    return ready;
  }

  async unwatch(folderId: number): Promise<void> {
    const w = this.watchers.get(folderId);
    if (!w) return;
    this.watchers.delete(folderId);
    const p = this.pending.get(folderId);
    if (p?.timer) clearTimeout(p.timer);
    this.pending.delete(folderId);
    await w.watcher.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.watchers.keys()].map((id) => this.unwatch(id)));
    await this.flushing;
  }

  /** Resolves when every queued change has been applied. */
  async idle(): Promise<void> {
    for (const id of this.pending.keys()) this.schedule(id, 0);
    await new Promise((r) => setTimeout(r, 0));
    await this.flushing;
  }

  private queue(folderId: number, kind: 'changed' | 'removed' | 'removedDirs', path: string): void {
    let p = this.pending.get(folderId);
    if (!p) {
      p = { changed: new Set(), removed: new Set(), removedDirs: new Set(), timer: null };
      this.pending.set(folderId, p);
    }
    if (kind === 'changed') p.removed.delete(path);
    if (kind === 'removed') p.changed.delete(path);
    p[kind].add(path);
    this.schedule(folderId, this.options.debounceMs ?? 250);
  }

  private schedule(folderId: number, delay: number): void {
    const p = this.pending.get(folderId);
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      this.pending.delete(folderId);
      this.flushing = this.flushing
        .then(() => this.apply(folderId, p))
        .catch((error: unknown) => {
          // The library was locked by another process past the busy timeout: the changes
          // were not written (one transaction), so they are queued again.
          if (isBusy(error) && this.watchers.has(folderId)) this.requeue(folderId, p);
        });
    }, delay);
  }

  private requeue(folderId: number, p: Pending): void {
    for (const path of p.changed) this.queue(folderId, 'changed', path);
    for (const path of p.removed) this.queue(folderId, 'removed', path);
    for (const path of p.removedDirs) this.queue(folderId, 'removedDirs', path);
  }

  private apply(folderId: number, p: Pending): void {
    const w = this.watchers.get(folderId);
    if (!w) return;
    const now = Date.now();
    const changed: number[] = [];
    const added: number[] = [];
    const byPath = this.db.prepare(
      'SELECT id, size, mtime_ms AS mtimeMs, missing FROM samples WHERE path = ?',
    );
    const markMissing = this.db.prepare(
      'UPDATE samples SET missing = 1 WHERE path = ? AND missing = 0 RETURNING id',
    );
    const markDirMissing = this.db.prepare(
      'UPDATE samples SET missing = 1 WHERE folder_id = ? AND missing = 0 AND substr(path, 1, ?) = ? RETURNING id',
    );
    this.db.transaction(() => {
      for (const path of p.removed) {
        for (const row of markMissing.all(path) as Array<{ id: number }>) changed.push(row.id);
        this.db.prepare('DELETE FROM import_errors WHERE path = ?').run(path);
      }
      for (const dir of p.removedDirs) {
        const prefix = `${dir}${sep}`;
        for (const row of markDirMissing.all(folderId, prefix.length, prefix) as Array<{
          id: number;
        }>)
          changed.push(row.id);
      }
      for (const path of p.changed) {
        if (!AUDIO_EXTENSIONS.has(extensionOf(path))) continue;
        let st;
        try {
          st = statSync(path);
        } catch {
          for (const row of markMissing.all(path) as Array<{ id: number }>) changed.push(row.id);
          continue;
        }
        if (!st.isFile()) continue;
        const rel = relative(w.root, path).split(sep);
        const name = rel.pop()!;
        const item = {
          kind: 'file' as const,
          path,
          dir: rel.join('/'),
          name,
          size: st.size,
          mtimeMs: Math.floor(st.mtimeMs),
        };
        const outcome = indexFile(
          this.deps,
          folderId,
          item,
          byPath.get(path) as KnownSample | undefined,
          now,
        );
        if (outcome.kind === 'unchanged' || outcome.kind === 'error') continue;
        changed.push(outcome.id);
        if (outcome.kind === 'added') added.push(outcome.id);
      }
    })();
    this.recentlyAdded = this.recentlyAdded
      .filter((r) => now - r.at < 60_000)
      .concat(added.map((id) => ({ id, at: now })));
    const survivors = mergeMoved(
      this.db,
      this.recentlyAdded.map((r) => r.id),
    );
    if (survivors.length > 0)
      this.recentlyAdded = this.recentlyAdded.filter((r) =>
        this.db.prepare('SELECT 1 FROM samples WHERE id = ?').get(r.id),
      );
    const all = [...new Set([...changed, ...survivors, ...added])];
    if (all.length > 0) this.onSamples(all);
  }
}
