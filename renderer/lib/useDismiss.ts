import { useEffect, type KeyboardEvent, type RefObject } from 'react';

type WindowEvent = 'resize' | 'blur';

/**
 * While `active`: calls `dismiss` on a mouse-down outside `ref`'s element, and on each window
 * event named in `also` (a popover placed by coordinates closes when the window resizes).
 * Pass a stable `dismiss` (a prop or a useCallback). Returns the element's onKeyDown: Escape
 * inside it dismisses too (and goes no further, so the app's own Escape does not also act).
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  dismiss: () => void,
  also: readonly WindowEvent[] = [],
): (e: KeyboardEvent) => void {
  const events = also.join(' ');
  useEffect(() => {
    if (!active) return;
    const named = events === '' ? [] : (events.split(' ') as WindowEvent[]);
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) dismiss();
    };
    document.addEventListener('mousedown', onDown);
    for (const name of named) window.addEventListener(name, dismiss);
    return () => {
      document.removeEventListener('mousedown', onDown);
      for (const name of named) window.removeEventListener(name, dismiss);
    };
  }, [ref, active, dismiss, events]);
  return (e) => {
    if (e.key !== 'Escape' || !active) return;
    e.stopPropagation();
    dismiss();
  };
}
