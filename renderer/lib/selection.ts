/**
 * Multi-selection of the browser list, as file managers do it: click selects one,
 * ctrl/cmd-click toggles, shift-click and shift+arrows extend from the anchor, ctrl+A
 * selects every match (also the rows not loaded yet: `all`). Pure: rows are named by
 * index, and `idAt` says which sample a loaded index holds.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Index where shift-ranges start. */
  anchor: number | null;
  /** Index of the focused row (keyboard cursor). */
  cursor: number | null;
  /** Every match of the current query is selected, loaded or not. */
  all: boolean;
}

export type IdAt = (index: number) => number | undefined;

export const EMPTY_SELECTION: Selection = {
  ids: new Set(),
  anchor: null,
  cursor: null,
  all: false,
};

export function selectOnly(index: number, id: number): Selection {
  return { ids: new Set([id]), anchor: index, cursor: index, all: false };
}

export function toggleOne(
  sel: Selection,
  index: number,
  id: number,
  idAt: IdAt,
  count: number,
): Selection {
  const ids = new Set(sel.all ? loadedIds(idAt, count) : sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index, cursor: index, all: false };
}

/** Selects the loaded rows between the anchor and `index` (inclusive). */
export function extendTo(sel: Selection, index: number, idAt: IdAt): Selection {
  const anchor = sel.anchor ?? index;
  const ids = new Set<number>();
  const from = Math.min(anchor, index);
  const to = Math.max(anchor, index);
  for (let i = from; i <= to; i++) {
    const id = idAt(i);
    if (id !== undefined) ids.add(id);
  }
  return { ids, anchor, cursor: index, all: false };
}

export interface ClickModifiers {
  shift: boolean;
  /** ctrl on Linux/Windows, cmd on macOS */
  toggle: boolean;
}

export function clickRow(
  sel: Selection,
  index: number,
  id: number,
  mods: ClickModifiers,
  idAt: IdAt,
  count: number,
): Selection {
  if (mods.shift && sel.anchor !== null) return extendTo(sel, index, idAt);
  if (mods.toggle) return toggleOne(sel, index, id, idAt, count);
  return selectOnly(index, id);
}

/** Arrow keys: move the cursor by `delta` (clamped); with shift, extend the selection. */
export function moveCursor(
  sel: Selection,
  delta: number,
  count: number,
  idAt: IdAt,
  extend: boolean,
): Selection {
  if (count <= 0) return sel;
  const from = sel.cursor ?? (delta > 0 ? -1 : count);
  const index = Math.max(0, Math.min(count - 1, from + delta));
  const id = idAt(index);
  if (extend) {
    const base = sel.anchor === null ? { ...sel, anchor: sel.cursor ?? index } : sel;
    return extendTo(base, index, idAt);
  }
  if (id === undefined) return { ids: new Set(), anchor: index, cursor: index, all: false };
  return selectOnly(index, id);
}

export function selectAll(sel: Selection): Selection {
  return { ...sel, all: true };
}

export function isSelected(sel: Selection, id: number): boolean {
  return sel.all || sel.ids.has(id);
}

export function selectedCount(sel: Selection, total: number): number {
  return sel.all ? total : sel.ids.size;
}

/** Keeps only ids still present after the list reloaded; the cursor follows its row. */
export function reconcile(sel: Selection, idAt: IdAt, count: number): Selection {
  if (sel.all) return sel;
  const present = new Set<number>();
  let cursor: number | null = null;
  const cursorId = sel.cursor === null ? undefined : idAt(sel.cursor);
  for (let i = 0; i < count; i++) {
    const id = idAt(i);
    if (id === undefined) continue;
    if (sel.ids.has(id)) present.add(id);
    if (cursorId === undefined && cursor === null && sel.ids.has(id)) cursor = i;
  }
  return {
    ids: present,
    anchor: sel.anchor,
    cursor: cursorId !== undefined ? sel.cursor : cursor,
    all: false,
  };
}

/**
 * The selection after the rows were replaced (a new query, or the same one again):
 * selected ids that are gone are dropped, and the keyboard cursor follows the row it
 * was on (found by id in the new rows). For a new query whose rows no longer hold the
 * focused row, the cursor and anchor start over.
 */
export function afterNewRows(
  sel: Selection,
  focusedId: number | undefined,
  idAt: IdAt,
  count: number,
  newQuery: boolean,
): Selection {
  const kept = reconcile(sel, idAt, count);
  if (kept.all) return kept;
  let at = -1;
  if (focusedId !== undefined) {
    for (let i = 0; i < count; i++) {
      if (idAt(i) === focusedId) {
        at = i;
        break;
      }
    }
  }
  if (at >= 0) return { ...kept, cursor: at, anchor: newQuery ? at : kept.anchor };
  return newQuery ? { ...kept, cursor: null, anchor: null } : kept;
}

function loadedIds(idAt: IdAt, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = idAt(i);
    if (id !== undefined) out.push(id);
  }
  return out;
}
