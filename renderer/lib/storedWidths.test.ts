import { describe, expect, it } from 'vitest';
import { COLUMNS, DEFAULT_WIDTHS } from './columns';
import { COLUMNS_KEY, storedColumns, storedWidths, WIDTHS_KEY } from './storedWidths';

const store = (value: string | null) => ({
  getItem: (k: string) => (k === WIDTHS_KEY ? value : null),
});

describe('stored column widths', () => {
  it('reads what was stored, clamped', () => {
    expect(storedWidths(store(JSON.stringify({ name: 400, bpm: 1 })))).toEqual({
      ...DEFAULT_WIDTHS,
      name: 400,
      bpm: 44,
    });
  });
  it('falls back to the defaults', () => {
    expect(storedWidths(undefined)).toEqual(DEFAULT_WIDTHS);
    expect(storedWidths(store(null))).toEqual(DEFAULT_WIDTHS);
    expect(storedWidths(store('{bad'))).toEqual(DEFAULT_WIDTHS);
    const blocked = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedWidths(blocked)).toEqual(DEFAULT_WIDTHS);
  });
});

describe('stored choice of columns', () => {
  const holding = (value: string | null) => ({
    getItem: (k: string) => (k === COLUMNS_KEY ? value : null),
  });
  it('reads the stored choice, or shows every column', () => {
    expect(storedColumns(holding(JSON.stringify(['bpm', 'folder'])))).toEqual([
      'name',
      'folder',
      'bpm',
    ]);
    expect(storedColumns(holding(null))).toEqual(COLUMNS.map((c) => c.id));
    expect(storedColumns(holding('[oops'))).toEqual(COLUMNS.map((c) => c.id));
    expect(storedColumns(undefined)).toEqual(COLUMNS.map((c) => c.id));
  });
});
