import type { SortColumn } from '../../shared/schemas/library';

export type ColumnId =
  | 'name'
  | 'folder'
  | 'class'
  | 'kind'
  | 'bpm'
  | 'key'
  | 'duration'
  | 'lufs'
  | 'rating'
  | 'tags'
  | 'added';

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
  /** When the window is too narrow for every chosen column, lower ones give way first. */
  priority: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'name',
    label: 'Name',
    width: 280,
    minWidth: 120,
    sort: 'name',
    align: 'left',
    priority: 100,
    firstDir: 'asc',
  },
  {
    id: 'folder',
    label: 'Folder',
    width: 130,
    minWidth: 60,
    sort: 'path',
    align: 'left',
    priority: 75,
    firstDir: 'asc',
  },
  {
    id: 'class',
    label: 'Class',
    width: 80,
    minWidth: 50,
    sort: 'class',
    align: 'left',
    priority: 90,
    firstDir: 'asc',
  },
  {
    id: 'kind',
    label: 'Kind',
    width: 84,
    minWidth: 44,
    sort: 'kind',
    align: 'left',
    priority: 50,
    firstDir: 'asc',
  },
  {
    id: 'bpm',
    label: 'BPM',
    width: 54,
    minWidth: 44,
    sort: 'bpm',
    align: 'right',
    priority: 85,
    firstDir: 'asc',
  },
  {
    id: 'key',
    label: 'Key',
    width: 46,
    minWidth: 40,
    sort: 'key',
    align: 'left',
    priority: 80,
    firstDir: 'asc',
  },
  {
    id: 'duration',
    label: 'Length',
    width: 80,
    minWidth: 50,
    sort: 'duration',
    align: 'right',
    priority: 70,
    firstDir: 'asc',
  },
  {
    id: 'lufs',
    label: 'LUFS',
    width: 56,
    minWidth: 44,
    sort: 'lufs',
    align: 'right',
    priority: 20,
    firstDir: 'desc',
  },
  {
    id: 'rating',
    label: 'Rating',
    width: 74,
    minWidth: 60,
    sort: 'rating',
    align: 'left',
    priority: 40,
    firstDir: 'desc',
  },
  {
    id: 'tags',
    label: 'Tags',
    width: 160,
    minWidth: 60,
    sort: null,
    align: 'left',
    priority: 30,
    firstDir: 'asc',
  },
  {
    id: 'added',
    label: 'Added',
    width: 86,
    minWidth: 60,
    sort: 'added',
    align: 'right',
    priority: 10,
    firstDir: 'desc',
  },
];

export type ColumnWidths = Record<ColumnId, number>;

export const DEFAULT_WIDTHS: ColumnWidths = Object.fromEntries(
  COLUMNS.map((c) => [c.id, c.width]),
) as ColumnWidths;

export const MAX_COLUMN_WIDTH = 1200;
/** The favourite cell leads every row. */
export const FAV_WIDTH = 22;
/** The waveform column: this wide at least, growing with the window up to WAVE_MAX. */
export const WAVE_MIN = 64;
export const WAVE_MAX = 240;
/** Of the room beyond what the columns ask for, the share the waveform takes. */
const WAVE_SHARE = 0.3;
/** The name column gives way down to this before other columns are hidden. */
export const NAME_FLOOR = 140;

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

/** How the table lays out in the width it has. */
export interface TableLayout {
  /** The chosen columns that fit, in table order. */
  visible: ColumnId[];
  /** Chosen columns left out because the window is too narrow for them. */
  noRoom: ColumnId[];
  waveWidth: number;
  nameWidth: number;
  /** CSS grid columns of a row: favourite, waveform, then `visible`. */
  template: string;
  /** Width of a row (px); more than `available` only when the user widened columns past it. */
  rowWidth: number;
}

/**
 * Lays the chosen columns out in `available` px: when they do not all fit, the name column
 * first gives way (down to NAME_FLOOR), then the columns of lowest priority are left out.
 * Spare room goes to the name column and, in part, to the waveform (WAVE_MIN…WAVE_MAX).
 */
export function tableLayout(
  widths: ColumnWidths,
  chosen: readonly ColumnId[],
  available: number,
): TableLayout {
  const wanted = new Set<ColumnId>(['name', ...chosen]);
  let visible = COLUMNS.filter((c) => wanted.has(c.id)).map((c) => c.id);
  const noRoom: ColumnId[] = [];
  const others = (ids: readonly ColumnId[]) =>
    ids.reduce((n, id) => (id === 'name' ? n : n + widths[id]), 0);
  const nameMin = Math.min(widths.name, NAME_FLOOR);
  while (FAV_WIDTH + WAVE_MIN + nameMin + others(visible) > available) {
    const drop = visible
      .filter((id) => id !== 'name')
      .sort((a, b) => columnDef(a).priority - columnDef(b).priority)[0];
    if (drop === undefined) break;
    visible = visible.filter((id) => id !== drop);
    noRoom.push(drop);
  }
  const room = available - FAV_WIDTH - others(visible);
  let waveWidth = WAVE_MIN;
  let nameWidth: number;
  if (room >= WAVE_MIN + widths.name) {
    const spare = room - WAVE_MIN - widths.name;
    waveWidth = Math.floor(Math.min(WAVE_MAX, WAVE_MIN + spare * WAVE_SHARE));
    nameWidth = room - waveWidth;
  } else {
    nameWidth = Math.max(nameMin, room - WAVE_MIN);
  }
  nameWidth = Math.floor(nameWidth);
  const cols = visible.map((id) => `${id === 'name' ? nameWidth : widths[id]}px`);
  return {
    visible,
    noRoom: COLUMNS.filter((c) => noRoom.includes(c.id)).map((c) => c.id),
    waveWidth,
    nameWidth,
    template: `${FAV_WIDTH}px ${waveWidth}px ${cols.join(' ')}`,
    rowWidth: FAV_WIDTH + waveWidth + nameWidth + others(visible),
  };
}

/** Every column but the name can be hidden; the name always shows. */
export function parseChosenColumns(stored: unknown): ColumnId[] {
  if (!Array.isArray(stored)) return COLUMNS.map((c) => c.id);
  const ids = new Set(stored.filter((x): x is ColumnId => COLUMNS.some((c) => c.id === x)));
  ids.add('name');
  return COLUMNS.filter((c) => ids.has(c.id)).map((c) => c.id);
}

/** Shows or hides one column (the name stays). */
export function toggleColumn(chosen: readonly ColumnId[], id: ColumnId, on: boolean): ColumnId[] {
  if (id === 'name') return [...chosen];
  const ids = new Set(chosen);
  if (on) ids.add(id);
  else ids.delete(id);
  return parseChosenColumns([...ids]);
}
