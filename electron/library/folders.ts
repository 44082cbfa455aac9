import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, sep } from 'node:path';
import type { FolderInfo, FolderTreeNode } from '../../shared/contract';
import { AppError, isErrorCode } from '../../shared/result';
import type { Db } from './db';
import { describeError } from './import/fsErrors';

interface FolderRow {
  id: number;
  path: string;
  added_at: number;
  last_scan_at: number | null;
  watch: number;
  problem_code: string | null;
  problem_message: string | null;
  sample_count: number;
  error_count: number;
}

function toInfo(r: FolderRow): FolderInfo {
  return {
    id: r.id,
    path: r.path,
    addedAt: r.added_at,
    lastScanAt: r.last_scan_at,
    watching: r.watch === 1,
    sampleCount: r.sample_count,
    errorCount: r.error_count,
    problem:
      r.problem_code && isErrorCode(r.problem_code)
        ? { code: r.problem_code, message: r.problem_message ?? '' }
        : null,
  };
}

// Present samples = all (counted on the covering folder index, no table reads) minus
// the missing ones (found through the small partial index of missing rows): 4x faster
// than filtering on \`missing\` row by row at 100k samples.
const SELECT = `SELECT f.*,
  (SELECT count(*) FROM samples s WHERE s.folder_id = f.id)
  - (SELECT count(*) FROM samples s INDEXED BY samples_missing
     WHERE s.missing = 1 AND s.folder_id = f.id) AS sample_count,
  (SELECT count(*) FROM import_errors e WHERE e.folder_id = f.id) AS error_count
  FROM folders f`;

export function listFolders(db: Db): FolderInfo[] {
  return (db.prepare(`${SELECT} ORDER BY f.path`).all() as FolderRow[]).map(toInfo);
}

export function getFolder(db: Db, id: number): FolderInfo {
  const row = db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FolderRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `library folder ${id} does not exist`);
  return toInfo(row);
}

/** `~` and `~/…` name the user's home folder (what someone typing a path in web mode means). */
export function expandHome(path: string, home = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return path;
}

/**
 * Canonical form of a folder the user adds: absolute (a relative path would be resolved
 * against whatever folder the server runs in, so it is refused; `~` is expanded),
 * symlinks resolved, must be a readable folder.
 */
export function canonicalFolder(path: string): string {
  const abs = expandHome(path.trim());
  if (!isAbsolute(abs)) {
    throw new AppError('BAD_INPUT', `give the folder's full path (starting with / or ~): ${path}`);
  }
  let real: string;
  try {
    real = realpathSync(abs);
    if (!statSync(real).isDirectory())
      throw new AppError('BAD_INPUT', `${abs} is a file, not a folder`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = describeError(error);
    throw new AppError(
      e.code === 'FILE_VANISHED' ? 'NOT_FOUND' : e.code,
      `${abs}: ${e.code === 'FILE_VANISHED' ? 'no such folder' : e.message}`,
    );
  }
  return real;
}

/**
 * Adds a library folder (idempotent). A folder inside one already in the library is
 * served by its parent; a parent of existing folders absorbs them.
 */
export function addFolder(db: Db, path: string, watch: boolean): number {
  const real = canonicalFolder(path);
  // One transaction, write lock first: two processes adding the same folder get one row.
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM folders WHERE path = ?').get(real) as
      { id: number } | undefined;
    if (existing) return existing.id;
    const parent = (
      db.prepare('SELECT id, path FROM folders').all() as Array<{ id: number; path: string }>
    ).find((f) => real.startsWith(f.path.endsWith(sep) ? f.path : `${f.path}${sep}`));
    if (parent) return parent.id;
    const id = Number(
      db
        .prepare('INSERT INTO folders(path, added_at, watch) VALUES (?, ?, ?)')
        .run(real, Date.now(), watch ? 1 : 0).lastInsertRowid,
    );
    // Absorb folders that lie inside the new one: their samples keep their ids, tags and analysis.
    const children = (
      db.prepare('SELECT id, path FROM folders WHERE id <> ?').all(id) as Array<{
        id: number;
        path: string;
      }>
    ).filter((f) => f.path.startsWith(real.endsWith(sep) ? real : `${real}${sep}`));
    for (const child of children) {
      const prefix = child.path.slice(real.length).split(sep).filter(Boolean).join('/');
      db.prepare(
        `UPDATE samples SET folder_id = ?, dir = CASE WHEN dir = '' THEN ? ELSE ? || '/' || dir END WHERE folder_id = ?`,
      ).run(id, prefix, prefix, child.id);
      db.prepare('UPDATE import_errors SET folder_id = ? WHERE folder_id = ?').run(id, child.id);
      db.prepare('DELETE FROM folders WHERE id = ?').run(child.id);
    }
    return id;
  })();
}

export function removeFolder(db: Db, id: number): number {
  getFolder(db, id);
  return db.transaction(() => {
    const n = (
      db.prepare('SELECT count(*) AS n FROM samples WHERE folder_id = ?').get(id) as { n: number }
    ).n;
    db.prepare('DELETE FROM folders WHERE id = ?').run(id);
    return n;
  })();
}

export function setFolderProblem(
  db: Db,
  id: number,
  problem: { code: string; message: string } | null,
): void {
  db.prepare('UPDATE folders SET problem_code = ?, problem_message = ? WHERE id = ?').run(
    problem?.code ?? null,
    problem?.message ?? null,
    id,
  );
}

/** The sub-folders of a library folder with sample counts (for the sidebar). */
export function folderTree(db: Db, id: number): FolderTreeNode {
  const folder = getFolder(db, id);
  const rows = db
    .prepare(
      'SELECT dir, count(*) AS n FROM samples WHERE folder_id = ? AND missing = 0 GROUP BY dir ORDER BY dir',
    )
    .all(id) as Array<{ dir: string; n: number }>;
  const root: FolderTreeNode = {
    dir: '',
    name: folder.path.split(sep).pop() ?? folder.path,
    sampleCount: 0,
    children: [],
  };
  const byDir = new Map<string, FolderTreeNode>([['', root]]);
  const nodeFor = (dir: string): FolderTreeNode => {
    const found = byDir.get(dir);
    if (found) return found;
    const cut = dir.lastIndexOf('/');
    const parent = nodeFor(cut < 0 ? '' : dir.slice(0, cut));
    const node: FolderTreeNode = { dir, name: dir.slice(cut + 1), sampleCount: 0, children: [] };
    parent.children.push(node);
    byDir.set(dir, node);
    return node;
  };
  for (const r of rows) {
    // Counts include everything below a folder.
    for (
      let d: string | null = r.dir;
      d !== null;
      d = d === '' ? null : d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : ''
    ) {
      nodeFor(d).sampleCount += r.n;
    }
  }
  sortTree(root);
  return root;
}

/** Folder names as a file manager lists them: case-insensitive, "Vol 2" before "Vol 10". */
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortTree(node: FolderTreeNode): void {
  node.children.sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
  for (const child of node.children) sortTree(child);
}
