import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { overlaps, rowWindow, sameWindow, type RowWindow } from './rowWindow';

/** After a fling, rows are drawn in full this many per frame (each frame stays short). */
const FULL_ROWS_PER_FRAME = 8;
/** A fling has ended when no scroll event came for this long. */
const SETTLE_MS = 120;

export interface RowView extends RowWindow {
  /** Rows from `start` drawn in full; the rest are drawn light (a fling is under way). */
  full: number;
}

/** Before the list is measured, assume it is as tall as the window (a few rows too many at most). */
function firstGuess(rowHeight: number, count: number, overscan: number): RowView {
  const tall = typeof window === 'undefined' ? 0 : window.innerHeight;
  return { ...rowWindow(0, tall, rowHeight, count, overscan), full: Infinity };
}

/**
 * The window of rows a fixed-row-height scroller shows. The first render already has rows
 * (the height is guessed, then measured by a ResizeObserver without forcing a layout); scroll
 * events are coalesced to one update per frame, rendered in that frame (no blank rows). When a
 * frame's rows are all new (a fling), they are drawn light, and in full a few per frame once
 * scrolling pauses. The list's length never costs anything (no per-row measurement).
 * `onScroll` runs on every scroll event. Also returns the last scroll position read (without
 * forcing a layout).
 */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  onScroll?: () => void,
): [RowView, RefObject<number>] {
  const [view, setView] = useState<RowView>(() => firstGuess(rowHeight, count, overscan));
  const [viewport, setViewport] = useState<number | null>(null);
  // Last scroll position read (in a frame callback, where layout is clean): reading it here
  // would force a layout of the whole page.
  const top = useRef(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let upgrade = 0;
    const tall = viewport ?? (typeof window === 'undefined' ? 0 : window.innerHeight);
    const update = (sync: boolean) => {
      const next = rowWindow(top.current, tall, rowHeight, count, overscan);
      const apply = () =>
        setView((prev) => {
          if (sameWindow(prev, next)) return prev;
          // All rows new: a fling. Draw them light; nobody reads rows flying past.
          const full = sync && !overlaps(prev, next) ? 0 : prev.full;
          return { ...next, full };
        });
      if (sync) flushSync(apply);
      else apply();
    };
    update(false);
    // Enough frames to draw a whole window in full (no-ops when it already is).
    const steps = Math.ceil(
      rowWindow(0, tall, rowHeight, 1, overscan).capacity / FULL_ROWS_PER_FRAME,
    );
    let step = 0;
    const drawInFull = () => {
      upgrade = 0;
      setView((prev) => {
        if (prev.full === Infinity) return prev;
        const full = prev.full + FULL_ROWS_PER_FRAME;
        return { ...prev, full: full < prev.end - prev.start ? full : Infinity };
      });
      if (++step < steps) upgrade = requestAnimationFrame(drawInFull);
    };
    const onFrame = () => {
      frame = 0;
      top.current = el.scrollTop;
      update(true);
    };
    const scrolled = () => {
      onScroll?.();
      if (!frame) frame = requestAnimationFrame(onFrame);
      if (upgrade) cancelAnimationFrame(upgrade);
      upgrade = 0;
      clearTimeout(settle);
      settle = setTimeout(() => {
        step = 0;
        upgrade = requestAnimationFrame(drawInFull);
      }, SETTLE_MS);
    };
    el.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      el.removeEventListener('scroll', scrolled);
      if (frame) cancelAnimationFrame(frame);
      if (upgrade) cancelAnimationFrame(upgrade);
      clearTimeout(settle);
      // Whatever happens next (new results, a resize), rows are drawn in full.
      setView((prev) => (prev.full === Infinity ? prev : { ...prev, full: Infinity }));
    };
  }, [ref, count, rowHeight, overscan, onScroll, viewport]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Delivered after layout (never forces one): the list's real height.
    const resize = new ResizeObserver((entries) => {
      const h = entries[entries.length - 1]?.contentRect.height;
      if (h !== undefined) setViewport((prev) => (prev === h ? prev : h));
    });
    resize.observe(el);
    return () => resize.disconnect();
  }, [ref]);
  return [view, top];
}
