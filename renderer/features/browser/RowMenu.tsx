import { useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SampleSummary } from '../../../shared/contract';
import { api } from '../../api/client';
import { useStore } from '../../store';
import { CollectionNameForm } from '../../lib/CollectionNameForm';
import { useDismiss } from '../../lib/useDismiss';

export interface RowMenuAt {
  x: number;
  y: number;
  row: SampleSummary;
}

/** Copies text to the clipboard; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Keeps the menu inside the window (it opens at the pointer). */
function placeWithin(x: number, y: number, el: HTMLElement): { left: number; top: number } {
  const r = el.getBoundingClientRect();
  return {
    left: Math.max(4, Math.min(x, window.innerWidth - r.width - 4)),
    top: Math.max(4, Math.min(y, window.innerHeight - r.height - 4)),
  };
}

/**
 * The right-click menu of a row: play, find similar, tag, add to a collection, reveal in the
 * file manager (desktop app only), copy the path. Acts on the selection the row belongs to.
 */
export function RowMenu({ at, onClose }: { at: RowMenuAt; onClose: () => void }) {
  const { collections, canReveal } = useStore(
    useShallow((s) => ({
      collections: s.collections,
      canReveal: s.appInfo?.capabilities.revealInFolder ?? false,
    })),
  );
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: at.x, top: at.y });
  const [naming, setNaming] = useState(false);

  useLayoutEffect(() => {
    if (ref.current) setPos(placeWithin(at.x, at.y, ref.current));
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [at]);

  useDismiss(ref, true, onClose, ['blur', 'resize']);

  const s = useStore.getState();
  const run = (action: () => void | Promise<void>) => () => {
    onClose();
    void action();
  };
  const ids = () => s.selectedIds();
  const count = s.selection.all ? (s.total ?? s.rows.length) : Math.max(1, s.selection.ids.size);
  const many = count > 1 ? ` (${count})` : '';

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    e.stopPropagation();
    const items = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${at.row.name}`}
      style={pos}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      <button type="button" role="menuitem" onClick={run(() => s.audition(at.row.id, at.row))}>
        Play
      </button>
      <button type="button" role="menuitem" onClick={run(() => s.openSimilar(at.row.id))}>
        Find similar
      </button>
      <button type="button" role="menuitem" onClick={run(() => s.setTagEditorOpen(true))}>
        Tag…{many}
      </button>
      <hr />
      <h3>Add to collection{many}</h3>
      {collections.map((c) => (
        <button
          key={c.id}
          type="button"
          role="menuitem"
          onClick={run(async () => s.addToCollection(c.id, await ids()))}
        >
          {c.name}
        </button>
      ))}
      {naming ? (
        <CollectionNameForm
          onCreate={(name) => run(async () => void (await s.createCollection(name, await ids())))()}
        />
      ) : (
        <button type="button" role="menuitem" onClick={() => setNaming(true)}>
          New collection…
        </button>
      )}
      <hr />
      <button
        type="button"
        role="menuitem"
        disabled={!canReveal}
        title={canReveal ? undefined : 'The browser cannot open your file manager'}
        onClick={run(() => void api.invoke('platform.revealInFolder', { sampleId: at.row.id }))}
      >
        Reveal in folder
        {!canReveal && <span className="menu-note">desktop app</span>}
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={run(async () => {
          const picked = new Set(await ids());
          const paths = s.rows.filter((r) => picked.has(r.id)).map((r) => r.path);
          const text = (paths.length > 0 ? paths : [at.row.path]).join('\n');
          const n = paths.length > 1 ? `${paths.length} paths` : 'Path';
          s.say((await copyText(text)) ? `${n} copied` : text);
        })}
      >
        Copy path{many}
      </button>
    </div>
  );
}
