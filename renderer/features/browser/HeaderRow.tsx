import { useShallow } from 'zustand/react/shallow';
import { columnDef, nextSort, type ColumnDef, type TableLayout } from '../../lib/columns';
import { effectiveSort } from '../../lib/searchQuery';
import { useStore } from '../../store';
import { ColumnChooser } from './ColumnChooser';

function Resizer({ col }: { col: ColumnDef }) {
  const setWidth = useStore((s) => s.setWidth);
  const onPointerDown = (e: React.PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startW = useStore.getState().widths[col.id];
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setWidth(col.id, startW + ev.clientX - startX);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <span
      className="col-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${col.label} column`}
      tabIndex={-1}
      onPointerDown={onPointerDown}
      onDoubleClick={() => setWidth(col.id, col.width)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

export function HeaderRow({ layout }: { layout: TableLayout }) {
  const { sort, text, setSort } = useStore(
    useShallow((s) => ({ sort: s.sort, text: s.text, setSort: s.setSort })),
  );
  const current = effectiveSort(text, sort);
  return (
    <div
      className="row row--header"
      role="row"
      style={{ gridTemplateColumns: layout.template, minWidth: layout.rowWidth }}
    >
      <span role="columnheader" aria-label="Favourite" className="cell cell--center">
        <ColumnChooser noRoom={layout.noRoom} />
      </span>
      <span role="columnheader" aria-label="Waveform" className="cell" />
      {layout.visible.map((id) => {
        const col = columnDef(id);
        const active = current.by === col.sort;
        const ariaSort = active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none';
        return (
          <span
            key={col.id}
            role="columnheader"
            data-column={col.id}
            aria-sort={col.sort ? ariaSort : undefined}
            className={`cell cell--${col.align}`}
          >
            {col.sort ? (
              <button
                type="button"
                className={active ? 'sort sort--active' : 'sort'}
                onClick={() => setSort(nextSort(active ? current : null, col))}
              >
                {col.label}
                <span className="sort-arrow" aria-hidden>
                  {active ? (current.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              <span className="sort">{col.label}</span>
            )}
            <Resizer col={col} />
          </span>
        );
      })}
    </div>
  );
}
