import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow, sameWindow, type RowWindow } from '../../lib/rowWindow';

/** Before the list is measured, assume it is as tall as the window (a few rows too many at most). */
function firstGuess(rowHeight: number, count: number, overscan: number): RowWindow {
  const tall = typeof window === 'undefined' ? 0 : window.innerHeight;
  return rowWindow(0, tall, rowHeight, count, overscan);
}

/**
 * The window of rows a fixed-row-height scroller shows. The first render already has rows
 * (the height is guessed, then measured by a ResizeObserver without forcing a layout); scroll
 * events are coalesced to one update per frame, rendered in that frame (no blank rows). The
 * list's length never costs anything (no per-row measurement). `onScroll` runs on every
 * scroll event.
 */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  onScroll?: () => void,
): RowWindow {
  const [win, setWin] = useState<RowWindow>(() => firstGuess(rowHeight, count, overscan));
  const [viewport, setViewport] = useState<number | null>(null);
  // Last scroll position read (in a frame callback, where layout is clean): reading it here
  // would force a layout of the whole page.
  const top = useRef(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const tall = viewport ?? (typeof window === 'undefined' ? 0 : window.innerHeight);
    const update = (sync: boolean) => {
      const next = rowWindow(top.current, tall, rowHeight, count, overscan);
      const apply = () => setWin((prev) => (sameWindow(prev, next) ? prev : next));
      if (sync) flushSync(apply);
      else apply();
    };
    update(false);
    const onFrame = () => {
      frame = 0;
      top.current = el.scrollTop;
      update(true);
    };
    const scrolled = () => {
      onScroll?.();
      if (!frame) frame = requestAnimationFrame(onFrame);
    };
    el.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      el.removeEventListener('scroll', scrolled);
      if (frame) cancelAnimationFrame(frame);
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
  return win;
}
