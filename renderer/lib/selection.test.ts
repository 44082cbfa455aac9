import { describe, expect, it } from 'vitest';
import {
  afterNewRows,
  clickRow,
  EMPTY_SELECTION,
  extendTo,
  isSelected,
  moveCursor,
  reconcile,
  selectAll,
  selectedCount,
  selectOnly,
} from './selection';

// Ten rows with ids 100..109; rows 8 and 9 are not loaded yet.
const idAt = (i: number) => (i >= 0 && i < 8 ? 100 + i : undefined);
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);
const none = { shift: false, toggle: false };

describe('selection', () => {
  it('selects one row on a plain click', () => {
    const s = clickRow(EMPTY_SELECTION, 3, 103, none, idAt, 10);
    expect(ids(s)).toEqual([103]);
    expect(s.cursor).toBe(3);
    expect(s.anchor).toBe(3);
  });

  it('toggles with ctrl and extends ranges with shift', () => {
    let s = selectOnly(2, 102);
    s = clickRow(s, 5, 105, { shift: false, toggle: true }, idAt, 10);
    expect(ids(s)).toEqual([102, 105]);
    s = clickRow(s, 2, 102, { shift: false, toggle: true }, idAt, 10);
    expect(ids(s)).toEqual([105]);
    s = clickRow(s, 1, 101, { shift: true, toggle: false }, idAt, 10);
    // The anchor moved to the last ctrl-clicked row (2).
    expect(ids(s)).toEqual([101, 102]);
    expect(s.anchor).toBe(2);
    s = clickRow(s, 4, 104, { shift: true, toggle: false }, idAt, 10);
    expect(ids(s)).toEqual([102, 103, 104]);
  });

  it('ranges skip rows that are not loaded', () => {
    const s = extendTo(selectOnly(6, 106), 9, idAt);
    expect(ids(s)).toEqual([106, 107]);
    expect(s.cursor).toBe(9);
  });

  it('moves the cursor with arrows, clamped, and extends with shift', () => {
    let s = moveCursor(EMPTY_SELECTION, 1, 10, idAt, false);
    expect(s.cursor).toBe(0);
    expect(ids(s)).toEqual([100]);
    s = moveCursor(s, -1, 10, idAt, false);
    expect(s.cursor).toBe(0);
    s = moveCursor(s, 2, 10, idAt, true);
    expect(ids(s)).toEqual([100, 101, 102]);
    s = moveCursor(s, 100, 10, idAt, false);
    expect(s.cursor).toBe(9);
    expect(ids(s)).toEqual([]);
    expect(moveCursor(EMPTY_SELECTION, -1, 10, idAt, false).cursor).toBe(9);
    expect(moveCursor(EMPTY_SELECTION, 1, 0, idAt, false)).toBe(EMPTY_SELECTION);
    const fresh = moveCursor({ ...EMPTY_SELECTION, cursor: 4 }, 1, 10, idAt, true);
    expect(ids(fresh)).toEqual([104, 105]);
  });

  it('selects all matches, loaded or not, and a click leaves that mode', () => {
    const s = selectAll(selectOnly(1, 101));
    expect(isSelected(s, 109)).toBe(true);
    expect(selectedCount(s, 10)).toBe(10);
    const t = clickRow(s, 3, 103, { shift: false, toggle: true }, idAt, 10);
    expect(t.all).toBe(false);
    expect(ids(t)).toEqual([100, 101, 102, 104, 105, 106, 107]);
    expect(selectedCount(t, 10)).toBe(7);
  });

  it('reconciles a selection with a reloaded list', () => {
    const s = { ids: new Set([101, 150]), anchor: 1, cursor: 1, all: false };
    const r = reconcile(s, idAt, 10);
    expect(ids(r)).toEqual([101]);
    expect(r.cursor).toBe(1);
    const moved = reconcile({ ...s, cursor: 9 }, idAt, 10);
    expect(moved.cursor).toBe(1);
    const all = selectAll(s);
    expect(reconcile(all, idAt, 10)).toBe(all);
  });
});

describe('rows replaced under the selection', () => {
  const sel = { ids: new Set([101]), anchor: 1, cursor: 1, all: false };
  it('the cursor follows its row when late results move it', () => {
    const newRows = [105, 101, 100];
    const next = afterNewRows(sel, 101, (i) => newRows[i], newRows.length, true);
    expect(next.cursor).toBe(1);
    const moved = [101, 105];
    expect(afterNewRows(sel, 101, (i) => moved[i], moved.length, true)).toMatchObject({
      cursor: 0,
      anchor: 0,
    });
  });

  it('a new query without the focused row starts over; a refresh keeps the cursor', () => {
    const other = [200, 201];
    expect(afterNewRows(sel, 101, (i) => other[i], other.length, true)).toMatchObject({
      cursor: null,
      anchor: null,
    });
    expect(afterNewRows(sel, 101, (i) => other[i], other.length, false).cursor).toBe(1);
    expect(ids(afterNewRows(sel, 101, (i) => other[i], other.length, false))).toEqual([]);
  });
});
