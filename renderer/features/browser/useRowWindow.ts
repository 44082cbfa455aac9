import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { EMPTY_WINDOW, rowWindow, sameWindow, type RowWindow } from '../../lib/rowWindow';

/**
 * The window of rows a fixed-row-height scroller shows. Scroll events are coalesced to one
 * update per frame, rendered in that frame (no blank rows); the list's length never costs
 * anything (no per-row measurement). `onScroll` runs on every scroll event.
 */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  onScroll?: () => void,
): RowWindow {
  const [win, setWin] = useState<RowWindow>(EMPTY_WINDOW);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => rowWindow(el.scrollTop, el.clientHeight, rowHeight, count, overscan);
    const update = (sync: boolean) => {
      const next = read();
      const apply = () => setWin((prev) => (sameWindow(prev, next) ? prev : next));
      if (sync) flushSync(apply);
      else apply();
    };
    update(false);
    const onFrame = () => {
      frame = 0;
      update(true);
    };
    const scrolled = () => {
      onScroll?.();
      if (!frame) frame = requestAnimationFrame(onFrame);
    };
    el.addEventListener('scroll', scrolled, { passive: true });
    const resize = new ResizeObserver(() => update(false));
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', scrolled);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, count, rowHeight, overscan, onScroll]);
  return win;
}
