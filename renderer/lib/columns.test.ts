import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  columnDef,
  COLUMNS,
  DEFAULT_WIDTHS,
  gridTemplate,
  rowMinWidth,
  nextSort,
  parseWidths,
  resizeColumn,
} from './columns';

describe('columns', () => {
  it('has every column the browser shows, name first', () => {
    expect(COLUMNS.map((c) => c.id)).toEqual([
      'name',
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

  it('lays out rows as a grid with a flexible name column', () => {
    const t = gridTemplate(DEFAULT_WIDTHS, ['name', 'bpm']);
    expect(t).toBe('22px 64px minmax(280px, 1fr) 58px');
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

  it('knows the smallest width a row needs', () => {
    expect(rowMinWidth(DEFAULT_WIDTHS, ['name', 'bpm'])).toBe(
      86 + DEFAULT_WIDTHS.name + DEFAULT_WIDTHS.bpm,
    );
  });
});
