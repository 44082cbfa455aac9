import type { SampleSummary } from '../../../shared/contract';
import type { ColumnId } from '../../lib/columns';
import {
  camelotOf,
  formatAdded,
  formatBpm,
  formatDuration,
  formatLufs,
  shortKey,
} from '../../lib/format';

/** The file's folder: its path inside the library folder, or the library folder's own name. */
export function folderText(row: Pick<SampleSummary, 'dir' | 'path'>): string {
  if (row.dir) return row.dir;
  // (The first screen's rows come parsed, not validated: a field may be missing.)
  const parts = String(row.path ?? '').split(/[\\/]/);
  return parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
}

/** The folder that holds the file (its full path). */
export function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

/** Text of one cell (the rating column is drawn by RatingCell). */
export function cellText(row: SampleSummary, id: ColumnId, now: number): string {
  switch (id) {
    case 'name':
      return row.name;
    case 'folder':
      return folderText(row);
    case 'class':
      return row.class ?? '';
    case 'kind':
      return row.kind === 'loop' ? 'loop' : row.kind === 'one-shot' ? 'one-shot' : '';
    case 'bpm':
      return formatBpm(row.bpm);
    case 'key':
      return row.key ? shortKey(row.key) : (row.rootNote ?? '');
    case 'duration':
      return formatDuration(row.durationSec);
    case 'lufs':
      return formatLufs(row.lufs);
    case 'rating':
      return row.rating ? '★'.repeat(row.rating) : '';
    case 'tags':
      return row.tags.join(', ');
    case 'added':
      return formatAdded(row.addedAt, now);
  }
}

const TIER_WORDS = { sure: 'sure', likely: 'likely', guess: 'a guess' } as const;

/**
 * Where a class comes from and how far to trust it, for its tooltip: "kick, from the file
 * or folder name" / "kick: likely (87 % from the sound)" / "kick: a guess (34 % from the sound)".
 */
export function classTitle(row: SampleSummary): string | undefined {
  if (!row.class) return undefined;
  if (row.classSource === 'name') return `${row.class}, from the file or folder name`;
  if (row.classConfidence === null) return row.class;
  const p = `${Math.round(row.classConfidence * 100)} % from the sound`;
  return row.classTier
    ? `${row.class}: ${TIER_WORDS[row.classTier]} (${p})`
    : `${row.class}, ${Math.round(row.classConfidence * 100)} % sure from the sound`;
}

/** Extra class of a cell: a guessed class is drawn dimmed. */
export function cellModifier(row: SampleSummary, id: ColumnId): string {
  return id === 'class' && row.class && row.classTier === 'guess' ? ' cell--guess' : '';
}

export function cellTitle(row: SampleSummary, id: ColumnId): string | undefined {
  if (id === 'name') return row.path;
  if (id === 'folder') return parentPath(String(row.path ?? ''));
  if (id === 'class') return classTitle(row);
  if (id === 'key' && row.key) return `${row.key} (${camelotOf(row.key)})`;
  if (id === 'tags' && row.tags.length) return row.tags.join(', ');
  return undefined;
}
