import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  columnDef,
  COLUMNS,
  DEFAULT_WIDTHS,
  nextSort,
  parseWidths,
  parseChosenColumns,
  resizeColumn,
  tableLayout,
  toggleColumn,
  WAVE_MAX,
  WAVE_MIN,
  type ColumnId,
} from './columns';

describe('columns', () => {
  it('has every column the browser shows, name first', () => {
    expect(COLUMNS.map((c) => c.id)).toEqual([
      'name',
      'folder',
      'class',
      'kind',
      'bpm',
      'key',
      'duration',
      'lufs',
      'rating',
      'tags',
      'added',
    ]);
    expect(() => columnDef('nope' as never)).toThrow();
  });

  it('clamps widths between the minimum and a maximum', () => {
    expect(clampWidth('bpm', 10)).toBe(44);
    expect(clampWidth('bpm', 5000)).toBe(1200);
    expect(resizeColumn(DEFAULT_WIDTHS, 'key', 61.6).key).toBe(62);
  });

  it('reads stored widths defensively', () => {
    expect(parseWidths(null)).toEqual(DEFAULT_WIDTHS);
    expect(parseWidths({ bpm: 'x', key: 70, name: 1 })).toEqual({
      ...DEFAULT_WIDTHS,
      key: 70,
      name: 120,
    });
  });

  it('sorts by a column, then flips, and ignores unsortable columns', () => {
    const bpm = columnDef('bpm');
    const s1 = nextSort(null, bpm);
    expect(s1).toEqual({ by: 'bpm', dir: 'asc' });
    expect(nextSort(s1, bpm)).toEqual({ by: 'bpm', dir: 'desc' });
    expect(nextSort(s1, columnDef('lufs'))).toEqual({ by: 'lufs', dir: 'desc' });
    expect(nextSort(s1, columnDef('tags'))).toBe(s1);
  });

  it('fits the chosen columns in the width there is: the name gives way, then low priorities', () => {
    const all = COLUMNS.map((c) => c.id);
    const sum = (l: ReturnType<typeof tableLayout>) =>
      l.template.split(' ').reduce((n, w) => n + Number.parseFloat(w), 0);
    // Wide: everything shows, the row fills the width exactly, the waveform has grown.
    const wide = tableLayout(DEFAULT_WIDTHS, all, 1900);
    expect(wide.visible).toEqual(all);
    expect(wide.noRoom).toEqual([]);
    expect(sum(wide)).toBe(wide.rowWidth);
    expect(wide.rowWidth).toBeLessThanOrEqual(1900);
    expect(wide.rowWidth).toBeGreaterThan(1895);
    expect(wide.waveWidth).toBeGreaterThan(WAVE_MIN);
    expect(wide.waveWidth).toBeLessThanOrEqual(WAVE_MAX);
    expect(wide.nameWidth).toBeGreaterThanOrEqual(DEFAULT_WIDTHS.name);
    // The waveform grows with the window.
    expect(tableLayout(DEFAULT_WIDTHS, all, 1500).waveWidth).toBeLessThan(wide.waveWidth);
    // Narrow (1024 px window with a side panel open): the main columns stay, in order.
    for (const width of [540, 800]) {
      const narrow = tableLayout(DEFAULT_WIDTHS, all, width);
      expect(narrow.rowWidth).toBeLessThanOrEqual(width);
      expect(narrow.visible).toEqual(
        expect.arrayContaining(['name', 'folder', 'class', 'bpm', 'key']),
      );
      expect(new Set([...narrow.visible, ...narrow.noRoom])).toEqual(new Set(all));
      const lowest = (ids: ColumnId[]) => Math.min(...ids.map((id) => columnDef(id).priority));
      const highestDropped = Math.max(...narrow.noRoom.map((id) => columnDef(id).priority));
      expect(highestDropped).toBeLessThan(lowest(narrow.visible));
      expect(narrow.waveWidth).toBe(WAVE_MIN);
    }
    expect(tableLayout(DEFAULT_WIDTHS, all, 420).visible).toEqual(['name', 'class', 'bpm', 'key']);
    // Hidden by choice is not "no room".
    const chosen = tableLayout(DEFAULT_WIDTHS, ['name', 'bpm'], 1200);
    expect(chosen.visible).toEqual(['name', 'bpm']);
    expect(chosen.noRoom).toEqual([]);
  });

  it('keeps the choice of columns sane: the name always, known columns, table order', () => {
    expect(parseChosenColumns(null)).toEqual(COLUMNS.map((c) => c.id));
    expect(parseChosenColumns(['bpm', 'nope', 'folder'])).toEqual(['name', 'folder', 'bpm']);
    expect(toggleColumn(['name', 'bpm'], 'key', true)).toEqual(['name', 'bpm', 'key']);
    expect(toggleColumn(['name', 'bpm'], 'bpm', false)).toEqual(['name']);
    expect(toggleColumn(['name', 'bpm'], 'name', false)).toEqual(['name', 'bpm']);
  });
});
