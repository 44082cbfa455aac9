import { useCallback, useId, useRef, useState } from 'react';
import { COLUMNS, type ColumnId } from '../../lib/columns';
import { useStoreFields } from '../../store/fields';
import { useDismiss } from '../../lib/useDismiss';

/**
 * The table's column chooser (kept between sessions). Columns the window is too narrow for
 * stay chosen and say so; they come back when there is room.
 */
export function ColumnChooser({ noRoom }: { noRoom: readonly ColumnId[] }) {
  const { columns, setColumnShown } = useStoreFields('columns', 'setColumnShown');
  /** Where the list opens (fixed: the header cells clip what overflows them). */
  const [open, setOpen] = useState<{ top: number; left: number } | null>(null);
  const ref = useRef<HTMLSpanElement>(null);
  const popId = useId();
  const close = useCallback(() => setOpen(null), []);
  const onKeyDown = useDismiss(ref, open !== null, close, ['resize']);
  return (
    <span className="column-chooser" ref={ref} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="icon-button"
        aria-label="Choose columns"
        title="Choose columns"
        aria-expanded={open !== null}
        aria-controls={popId}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setOpen((o) => (o ? null : { top: r.bottom + 4, left: r.left }));
        }}
      >
        ☰
      </button>
      {open && (
        <div
          id={popId}
          className="popover column-popover"
          role="group"
          aria-label="Columns"
          style={{ top: open.top, left: open.left }}
        >
          {COLUMNS.map((col) => (
            <label key={col.id} className="check">
              <input
                type="checkbox"
                checked={columns.includes(col.id)}
                disabled={col.id === 'name'}
                onChange={(e) => setColumnShown(col.id, e.target.checked)}
              />
              {col.label}
              {noRoom.includes(col.id) && <span className="muted small"> (no room)</span>}
            </label>
          ))}
        </div>
      )}
    </span>
  );
}
