import type { SortColumn } from '../../../shared/schemas';

export interface SortSpec {
  /** SQL expression over `samples s`. */
  expr: string;
  /** Whether the column can be NULL (NULLs always sort last, in both directions). */
  nullable: boolean;
}

export const SORTS: Record<Exclude<SortColumn, 'relevance'>, SortSpec> = {
  name: { expr: 's.name COLLATE NOCASE', nullable: false },
  path: { expr: 's.path', nullable: false },
  class: { expr: 's.class', nullable: true },
  kind: { expr: 's.kind', nullable: true },
  bpm: { expr: 's.bpm', nullable: true },
  key: { expr: 's.key_code', nullable: true },
  duration: { expr: 's.duration', nullable: true },
  lufs: { expr: 's.lufs', nullable: true },
  rating: { expr: 's.rating', nullable: false },
  added: { expr: 's.added_at', nullable: false },
  size: { expr: 's.size', nullable: false },
};
