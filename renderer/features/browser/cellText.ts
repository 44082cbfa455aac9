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

/** Text of one cell (the rating column is drawn by RatingCell). */
export function cellText(row: SampleSummary, id: ColumnId, now: number): string {
  switch (id) {
    case 'name':
      return row.name;
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

export function cellTitle(row: SampleSummary, id: ColumnId): string | undefined {
  if (id === 'name') return row.path;
  if (id === 'key' && row.key) return `${row.key} (${camelotOf(row.key)})`;
  if (id === 'tags' && row.tags.length) return row.tags.join(', ');
  return undefined;
}
