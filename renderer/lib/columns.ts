import type { SortColumn } from '../../shared/schemas/library';

export type ColumnId =
  'name' | 'class' | 'kind' | 'bpm' | 'key' | 'duration' | 'lufs' | 'rating' | 'tags' | 'added';

export interface ColumnDef {
  id: ColumnId;
  label: string;
  /** Default width in px (the name column grows beyond it to fill the row). */
  width: number;
  minWidth: number;
  /** Backend sort column, or null when the column cannot be sorted. */
  sort: SortColumn | null;
  align: 'left' | 'right' | 'center';
  /** Sort direction a first click asks for (numbers: high first feels wrong for BPM, so asc). */
  firstDir: 'asc' | 'desc';
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'name',
    label: 'Name',
    width: 280,
    minWidth: 120,
    sort: 'name',
    align: 'left',
    firstDir: 'asc',
  },
  {
    id: 'class',
    label: 'Class',
    width: 86,
    minWidth: 50,
    sort: 'class',
    align: 'left',
    firstDir: 'asc',
  },
  {
    id: 'kind',
    label: 'Kind',
    width: 84,
    minWidth: 44,
    sort: 'kind',
    align: 'left',
    firstDir: 'asc',
  },
  {
    id: 'bpm',
    label: 'BPM',
    width: 58,
    minWidth: 44,
    sort: 'bpm',
    align: 'right',
    firstDir: 'asc',
  },
  { id: 'key', label: 'Key', width: 50, minWidth: 40, sort: 'key', align: 'left', firstDir: 'asc' },
  {
    id: 'duration',
    label: 'Length',
    width: 80,
    minWidth: 50,
    sort: 'duration',
    align: 'right',
    firstDir: 'asc',
  },
  {
    id: 'lufs',
    label: 'LUFS',
    width: 56,
    minWidth: 44,
    sort: 'lufs',
    align: 'right',
    firstDir: 'desc',
  },
  {
    id: 'rating',
    label: 'Rating',
    width: 74,
    minWidth: 60,
    sort: 'rating',
    align: 'left',
    firstDir: 'desc',
  },
  {
    id: 'tags',
    label: 'Tags',
    width: 160,
    minWidth: 60,
    sort: null,
    align: 'left',
    firstDir: 'asc',
  },
  {
    id: 'added',
    label: 'Added',
    width: 86,
    minWidth: 60,
    sort: 'added',
    align: 'right',
    firstDir: 'desc',
  },
];

export type ColumnWidths = Record<ColumnId, number>;

export const DEFAULT_WIDTHS: ColumnWidths = Object.fromEntries(
  COLUMNS.map((c) => [c.id, c.width]),
) as ColumnWidths;

export const MAX_COLUMN_WIDTH = 1200;
/** Fixed leading cells: favourite star and the mini waveform. */
export const LEAD_TEMPLATE = '22px 64px';

export function columnDef(id: ColumnId): ColumnDef {
  const c = COLUMNS.find((x) => x.id === id);
  if (!c) throw new RangeError(`unknown column ${id}`);
  return c;
}

export function clampWidth(id: ColumnId, width: number): number {
  const c = columnDef(id);
  return Math.round(Math.max(c.minWidth, Math.min(MAX_COLUMN_WIDTH, width)));
}

export function resizeColumn(widths: ColumnWidths, id: ColumnId, width: number): ColumnWidths {
  return { ...widths, [id]: clampWidth(id, width) };
}

/** CSS grid columns for a row: the name column takes the spare room. */
export function gridTemplate(widths: ColumnWidths, visible: readonly ColumnId[]): string {
  const cols = visible.map((id) =>
    id === 'name' ? `minmax(${widths.name}px, 1fr)` : `${widths[id]}px`,
  );
  return `${LEAD_TEMPLATE} ${cols.join(' ')}`;
}

/** Accepts stored widths only when they are all sane numbers; else the defaults. */
export function parseWidths(stored: unknown): ColumnWidths {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_WIDTHS };
  const out = { ...DEFAULT_WIDTHS };
  for (const c of COLUMNS) {
    const v = (stored as Record<string, unknown>)[c.id];
    if (typeof v === 'number' && Number.isFinite(v)) out[c.id] = clampWidth(c.id, v);
  }
  return out;
}

/** Clicking a sortable header: first click sorts by the column, the next flips the direction. */
export function nextSort(
  current: { by: SortColumn; dir: 'asc' | 'desc' } | null,
  column: ColumnDef,
): { by: SortColumn; dir: 'asc' | 'desc' } | null {
  if (!column.sort) return current;
  if (current && current.by === column.sort)
    return { by: column.sort, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by: column.sort, dir: column.firstDir };
}

/** Smallest width of a row (px): the lead cells plus every visible column at its width. */
export function rowMinWidth(widths: ColumnWidths, visible: readonly ColumnId[]): number {
  return 22 + 64 + visible.reduce((n, id) => n + widths[id], 0);
}
