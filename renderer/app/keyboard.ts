/** Browser-wide keyboard commands (producer tools are driven from the keyboard). */
export type Command =
  | { type: 'focusSearch' }
  | { type: 'move'; delta: number; extend: boolean }
  | { type: 'page'; direction: 1 | -1; extend: boolean }
  | { type: 'edge'; where: 'start' | 'end'; extend: boolean }
  | { type: 'playToggle' }
  | { type: 'openDetails' }
  | { type: 'escape' }
  | { type: 'selectAll' }
  | { type: 'toggleLoop' }
  | { type: 'toggleFavorite' }
  | { type: 'rate'; stars: number }
  | { type: 'editTags' }
  | { type: 'seek'; seconds: number }
  | { type: 'toggleSync' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type FocusContext = 'list' | 'search' | 'text' | 'other';

/**
 * The command for a key press, given where the focus is. In the search box only
 * Escape and the vertical arrows act on the list (so typing then ↓ auditions the first
 * hit); in other text fields only Escape does.
 */
export function commandFor(e: KeyInput, focus: FocusContext): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape') return { type: 'escape' };
  if (focus === 'text') return null;
  if (focus === 'search') {
    if (e.key === 'ArrowDown' && !mod && !e.altKey)
      return { type: 'move', delta: 1, extend: false };
    if (e.key === 'ArrowUp' && !mod && !e.altKey) return { type: 'move', delta: -1, extend: false };
    return null;
  }
  if (e.altKey) return null;
  if (mod) {
    if (e.key === 'a' || e.key === 'A') return { type: 'selectAll' };
    if (e.key === 'f' || e.key === 'F' || e.key === 'k' || e.key === 'K')
      return { type: 'focusSearch' };
    return null;
  }
  switch (e.key) {
    case '/':
      return { type: 'focusSearch' };
    case 'ArrowDown':
      return { type: 'move', delta: 1, extend: e.shiftKey };
    case 'ArrowUp':
      return { type: 'move', delta: -1, extend: e.shiftKey };
    case 'PageDown':
      return { type: 'page', direction: 1, extend: e.shiftKey };
    case 'PageUp':
      return { type: 'page', direction: -1, extend: e.shiftKey };
    case 'Home':
      return { type: 'edge', where: 'start', extend: e.shiftKey };
    case 'End':
      return { type: 'edge', where: 'end', extend: e.shiftKey };
    case 'ArrowLeft':
      return { type: 'seek', seconds: -1 };
    case 'ArrowRight':
      return { type: 'seek', seconds: 1 };
    case ' ':
      return focus === 'list' ? { type: 'playToggle' } : null;
    case 'Enter':
      return focus === 'list' ? { type: 'openDetails' } : null;
    case 'l':
    case 'L':
      return { type: 'toggleLoop' };
    case 'f':
    case 'F':
      return { type: 'toggleFavorite' };
    case 't':
    case 'T':
      return { type: 'editTags' };
    case 's':
    case 'S':
      return { type: 'toggleSync' };
    default:
      if (/^[0-5]$/.test(e.key)) return { type: 'rate', stars: Number(e.key) };
      return null;
  }
}

/** Where a key event happened, from its target element's tag/role (kept DOM-free for tests). */
export function focusContextOf(target: {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
  isSearch?: boolean;
}): FocusContext {
  if (target.isSearch) return 'search';
  const tag = (target.tagName ?? '').toUpperCase();
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const t = (target.type ?? 'text').toLowerCase();
    return ['checkbox', 'radio', 'range', 'button', 'submit', 'color'].includes(t)
      ? 'other'
      : 'text';
  }
  if (target.role === 'grid' || target.role === 'row' || target.role === 'gridcell') return 'list';
  if (tag === 'BUTTON' || tag === 'A') return 'other';
  return 'list';
}
