import { describe, expect, it } from 'vitest';
import { overlaps, rowSlot, rowWindow, sameWindow, scrollTopToShow } from './rowWindow';

describe('rowWindow', () => {
  it('covers the rows on screen plus the overscan either side', () => {
    // 320 px viewport of 32 px rows scrolled to row 100: rows 100..110 visible (11 with a partial one).
    expect(rowWindow(3200, 320, 32, 100_000, 4)).toEqual({ start: 96, end: 115, capacity: 19 });
  });

  it('is clamped to the list at both ends', () => {
    expect(rowWindow(0, 320, 32, 100_000, 4)).toEqual({ start: 0, end: 15, capacity: 19 });
    expect(rowWindow(32 * 99_995, 320, 32, 100_000, 4)).toEqual({
      start: 99_991,
      end: 100_000,
      capacity: 19,
    });
    // Scrolled past the end (the list shrank): still a window at the end, never negative.
    expect(rowWindow(1e9, 320, 32, 50, 2)).toEqual({ start: 47, end: 50, capacity: 15 });
    expect(rowWindow(-40, 320, 32, 5, 2)).toEqual({ start: 0, end: 5, capacity: 15 });
  });

  it('is empty for an empty list', () => {
    expect(rowWindow(0, 320, 32, 0, 4)).toMatchObject({ start: 0, end: 0 });
  });

  it('does not depend on the list length (a million rows cost what ten do)', () => {
    const a = rowWindow(64_000, 640, 32, 1_000_000, 3);
    expect(a.end - a.start).toBe(a.capacity);
  });

  it('compares windows', () => {
    expect(sameWindow(rowWindow(0, 320, 32, 100, 1), rowWindow(10, 320, 32, 100, 1))).toBe(true);
    expect(sameWindow(rowWindow(0, 320, 32, 100, 1), rowWindow(40, 320, 32, 100, 1))).toBe(false);
  });
});

describe('rowSlot', () => {
  it('is unique within a window and reused by the row that replaces one', () => {
    const w = rowWindow(32 * 1234, 600, 32, 100_000, 4);
    const slots = new Set<number>();
    for (let i = w.start; i < w.end; i++) slots.add(rowSlot(i, w.capacity));
    expect(slots.size).toBe(w.end - w.start);
    // Scrolling one row down: the row that enters takes the slot of the one that left.
    expect(rowSlot(w.end, w.capacity)).toBe(rowSlot(w.start, w.capacity));
  });
});

describe('scrollTopToShow', () => {
  it('moves only when the row is not fully visible', () => {
    expect(scrollTopToShow(10, 32, 0, 640)).toBeNull();
    expect(scrollTopToShow(10, 32, 400, 640)).toBe(320); // above: to the top edge
    expect(scrollTopToShow(30, 32, 0, 640)).toBe(352); // below: bottom edge at 992
    expect(scrollTopToShow(19, 32, 0, 640)).toBeNull(); // 608..640 fits exactly
  });
});

describe('overlaps', () => {
  it('tells a scroll (rows shared) from a jump (all rows new)', () => {
    const a = rowWindow(0, 320, 32, 1000, 2);
    expect(overlaps(a, rowWindow(320, 320, 32, 1000, 2))).toBe(true);
    expect(overlaps(a, rowWindow(1600, 320, 32, 1000, 2))).toBe(false);
    expect(overlaps(rowWindow(1600, 320, 32, 1000, 2), a)).toBe(false);
  });
});
