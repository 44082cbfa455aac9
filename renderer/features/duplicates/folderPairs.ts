import type { DuplicateRow } from './duplicates';

export interface FolderPair {
  /** The folders (relative "dir" of each copy, "" at the top of a library folder) holding copies. */
  folders: string[];
  groups: number;
}

/**
 * Duplicate groups summarised by where the copies lie: "Kits/TR808 + lmms/samples: 12
 * groups", most groups first. A group whose copies share one folder counts once for it.
 */
export function folderPairs(rows: readonly DuplicateRow[], top = 8): FolderPair[] {
  const counts = new Map<string, FolderPair>();
  for (const g of rows) {
    const folders = [...new Set(g.samples.map((s) => parentOf(s.path)))].sort();
    const key = folders.join('\u0000');
    const hit = counts.get(key);
    if (hit) hit.groups++;
    else counts.set(key, { folders, groups: 1 });
  }
  return [...counts.values()].sort((a, b) => b.groups - a.groups).slice(0, top);
}

/** The extra copies of every group: all but the suggested keeper. */
export function extraCopies(rows: readonly DuplicateRow[]): number[] {
  return rows.flatMap((g) => g.samples.filter((s) => s.id !== g.keeperId).map((s) => s.id));
}

function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}
