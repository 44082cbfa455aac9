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

/** Single letters (either case) that act on the list. */
const LETTER_COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['l', { type: 'toggleLoop' }],
  ['f', { type: 'toggleFavorite' }],
  ['t', { type: 'editTags' }],
  ['s', { type: 'toggleSync' }],
]);

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
    const letter = e.key.toLowerCase();
    if (letter === 'a') return { type: 'selectAll' };
    if (letter === 'f' || letter === 'k') return { type: 'focusSearch' };
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
    default:
      if (/^[0-5]$/.test(e.key)) return { type: 'rate', stars: Number(e.key) };
      return LETTER_COMMANDS.get(e.key.toLowerCase()) ?? null;
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
