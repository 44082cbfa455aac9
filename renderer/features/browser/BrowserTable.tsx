import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SampleSummary } from '../../../shared/contract';
import { columnDef, tableLayout, type ColumnId } from '../../lib/columns';
import { rowSlot, scrollTopToShow } from './rowWindow';
import { isSelected, selectOnly } from '../../lib/selection';
import { useStore } from '../../store';
import { startOfDay } from '../../lib/format';
import { RatingCell } from './Cells';
import { cellModifier, cellText, cellTitle } from './cellText';
import { HeaderRow } from './HeaderRow';
import { RowMenu, type RowMenuAt } from './RowMenu';
import { MiniWave } from '../waveform/MiniWave';
import { startRowDrag } from './dragOut';
import { useRowWindow } from './useRowWindow';
import './browser.css';
import { peaksCache } from '../waveform/peaksStore';
import { audition } from '../../audio/engine';

export const ROW_HEIGHT = 32;

interface RowProps {
  row: SampleSummary | undefined;
  index: number;
  start: number;
  selected: boolean;
  cursor: boolean;
  current: boolean;
  template: string;
  /** The columns shown (after the favourite and the waveform). */
  visible: readonly ColumnId[];
  waveWidth: number;
  now: number;
  /** Drawn light (name only) while the list flings past; in full once it settles. */
  lite: boolean;
  onMenu: (at: RowMenuAt, index: number) => void;
}

const Row = memo(function Row({
  row,
  index,
  start,
  selected,
  cursor,
  current,
  template,
  visible,
  waveWidth,
  now,
  lite,
  onMenu,
}: RowProps) {
  const style = { transform: `translateY(${start}px)`, gridTemplateColumns: template };
  if (!row) {
    return (
      <div className="row row--loading" role="row" aria-rowindex={index + 2} style={style}>
        <span className="cell" role="gridcell">
          …
        </span>
      </div>
    );
  }
  if (lite) {
    return (
      <div
        id={`sample-row-${index}`}
        className={selected ? 'row row--lite row--selected' : 'row row--lite'}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-id={row.id}
        style={style}
      >
        <span className="cell cell--name" role="gridcell">
          {row.name}
        </span>
      </div>
    );
  }
  const onClick = (e: React.MouseEvent) =>
    useStore.getState().click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  const onDragStart = (e: React.DragEvent) => {
    const s = useStore.getState();
    const dragged = isSelected(s.selection, row.id)
      ? s.rows.filter((r) => isSelected(s.selection, r.id)).slice(0, 500)
      : [row];
    startRowDrag(e, dragged);
  };
  const cls = [
    'row',
    selected && 'row--selected',
    cursor && 'row--cursor',
    current && 'row--current',
    row.missing && 'row--missing',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={`sample-row-${index}`}
      className={cls}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={row.id}
      style={style}
      onClick={onClick}
      onDoubleClick={() => useStore.getState().audition(row.id)}
      onContextMenu={(e) => {
        e.preventDefault();
        onMenu({ x: e.clientX, y: e.clientY, row }, index);
      }}
      draggable
      onDragStart={onDragStart}
    >
      <span className="cell cell--center" role="gridcell">
        <button
          type="button"
          tabIndex={-1}
          className={row.favorite ? 'fav fav--on' : 'fav'}
          aria-label={
            row.favorite ? `Remove ${row.name} from favourites` : `Add ${row.name} to favourites`
          }
          aria-pressed={row.favorite}
          onClick={(e) => {
            e.stopPropagation();
            void useStore.getState().setFavorite([row.id], !row.favorite);
          }}
        >
          {row.favorite ? '♥' : '♡'}
        </button>
      </span>
      <span className="cell cell--wave" role="gridcell">
        <MiniWave id={row.id} analysed={row.analysis === 'done'} width={waveWidth - 4} />
      </span>
      {visible.map((id) => {
        const col = columnDef(id);
        if (id === 'rating')
          return (
            <span key={id} className="cell cell--center" role="gridcell">
              <RatingCell
                rating={row.rating}
                onRate={(n) => void useStore.getState().setRating([row.id], n)}
              />
            </span>
          );
        return (
          <span
            key={id}
            className={`cell cell--${col.align} cell--${id}${cellModifier(row, id)}`}
            role="gridcell"
            title={cellTitle(row, id)}
          >
            {id === 'tags'
              ? row.tags.slice(0, 4).map((t, i) => (
                  // The user's own tags come first and stand out from the automatic ones.
                  <span key={t} className={i < (row.userTagCount ?? 0) ? 'tag tag--user' : 'tag'}>
                    {t}
                  </span>
                ))
              : cellText(row, id, now)}
          </span>
        );
      })}
    </div>
  );
});

/**
 * The width rows have: the table's, less the list's scrollbar (followed as the window, the
 * sidebar or a side panel change it).
 */
function useTableWidth(
  tableRef: React.RefObject<HTMLDivElement | null>,
  bodyRef: React.RefObject<HTMLDivElement | null>,
): number {
  const [width, setWidth] = useState(() =>
    typeof window === 'undefined' ? 1200 : Math.max(400, window.innerWidth - 240),
  );
  useLayoutEffect(() => {
    const table = tableRef.current;
    const body = bodyRef.current;
    if (!table || !body) return;
    const measure = () => {
      const scrollbar = Math.max(0, body.offsetWidth - body.clientWidth);
      setWidth(Math.max(200, table.clientWidth - scrollbar));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(table);
    return () => observer.disconnect();
  }, [tableRef, bodyRef]);
  return width;
}

/** Rows drawn either side of the screen (a fling replaces them all anyway). */
const OVERSCAN = 4;
/** The next page is asked for when the window comes this many rows from the last loaded. */
const LOAD_AHEAD = 150;
/** With new results at the top, the next page waits until no search has come for this long. */
const MORE_WHEN_IDLE_MS = 300;
/** Peaks are fetched once scrolling has paused this long. */
const PEAKS_SETTLE_MS = 120;
const holdPeaks = () => peaksCache.hold(PEAKS_SETTLE_MS);
/** The longest a search on the wire holds peaks back (one that fails releases them then). */
const SEARCH_HOLD_MS = 2000;

/** The virtualised sample table: only the rows on screen exist in the DOM. */
export function BrowserTable() {
  const { rows, total, selection, currentId, widths, columns, resultVersion, now, loading } =
    useStore(
      useShallow((s) => ({
        rows: s.rows,
        total: s.total,
        selection: s.selection,
        currentId: s.currentId,
        widths: s.widths,
        columns: s.columns,
        resultVersion: s.resultVersion,
        // Rows show "today", "3 d ago": the day is enough. (The moment of each new result
        // would draw every row again, also those that show the same sample as before.)
        now: startOfDay(s.resultAt),
        loading: s.loading,
      })),
    );
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const available = useTableWidth(tableRef, scrollRef);
  const layout = useMemo(
    () => tableLayout(widths, columns, available),
    [widths, columns, available],
  );
  const { template, visible, waveWidth } = layout;
  const minWidth = layout.rowWidth;
  const [menu, setMenu] = useState<RowMenuAt | null>(null);
  const openMenu = useCallback((at: RowMenuAt, index: number) => {
    const s = useStore.getState();
    // A row outside the selection becomes the selection (as in a file manager), silently.
    if (!isSelected(s.selection, at.row.id))
      useStore.setState({ selection: selectOnly(index, at.row.id) });
    setMenu(at);
  }, []);
  const closeMenu = useCallback(() => {
    setMenu(null);
    scrollRef.current?.focus({ preventScroll: true });
  }, []);
  const count = Math.max(rows.length, total ?? 0);
  const [win, scrollTop] = useRowWindow(scrollRef, count, ROW_HEIGHT, OVERSCAN, holdPeaks);
  const first = win.start;
  const last = Math.max(win.start, win.end - 1);

  useEffect(() => {
    if (last < rows.length - LOAD_AHEAD) return;
    const more = () => void useStore.getState().loadMore();
    // Scrolled, or rows on screen not loaded: load now, well ahead of the window (pages are
    // small, so a fling does not outrun them).
    if (first > 0 || last >= rows.length) {
      more();
      return;
    }
    // Fresh results at the top: the next page is only ahead of need. Asked for once typing
    // pauses, so it does not compete with the next keystroke's search (server time, parsing).
    const timer = setTimeout(() => {
      if (!useStore.getState().loading) more();
    }, MORE_WHEN_IDLE_MS);
    return () => clearTimeout(timer);
  }, [first, last, rows]);

  useEffect(() => {
    // Peaks for rows that scrolled away are no longer wanted.
    const keep = new Set<number>();
    for (let i = first; i <= last; i++) {
      const id = rows[i]?.id;
      if (id !== undefined) keep.add(id);
    }
    peaksCache.cancelPending(keep);
    // A search on the wire replaces these rows: nothing is fetched for them meanwhile (the
    // fetches would compete with it, in the page and on the server).
    if (loading) return;
    // Once scrolling settles, decode the short samples on screen so a click plays at once.
    const timer = setTimeout(() => {
      const cursor = useStore.getState().selection.cursor ?? first;
      const near = rows
        .slice(first, last + 1)
        .map((row, k) => ({ row, d: Math.abs(first + k - cursor) }))
        .sort((a, b) => a.d - b.d)
        .map((x) => x.row);
      audition().prefetch(near);
    }, 150);
    return () => clearTimeout(timer);
  }, [first, last, rows, loading]);

  useEffect(() => {
    // No peaks are fetched while a search is on the wire (its rows replace these); once it
    // is answered they wait for a pause, as rows flying past do.
    peaksCache.hold(loading ? SEARCH_HOLD_MS : PEAKS_SETTLE_MS);
  }, [loading]);

  useEffect(() => {
    // New results start at the top. (Scrolling forces a layout: only when not there already.)
    if (scrollTop.current !== 0) scrollRef.current?.scrollTo({ top: 0 });
    // Rows replaced while typing are like rows flying past: their peaks wait for a pause.
    holdPeaks();
  }, [resultVersion, scrollTop]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || selection.cursor === null) return;
    const top = scrollTopToShow(selection.cursor, ROW_HEIGHT, el.scrollTop, el.clientHeight);
    if (top !== null) el.scrollTop = top;
  }, [selection.cursor]);

  const items = [];
  for (let index = win.start; index < win.end; index++) {
    const row = rows[index];
    items.push(
      <Row
        // Keyed by slot: the row that scrolls in reuses the DOM of the one that left.
        key={rowSlot(index, win.capacity)}
        row={row}
        index={index}
        start={index * ROW_HEIGHT}
        selected={row ? isSelected(selection, row.id) : false}
        cursor={selection.cursor === index}
        current={row ? row.id === currentId : false}
        template={template}
        visible={visible}
        waveWidth={waveWidth}
        now={now}
        lite={index - win.start >= win.full}
        onMenu={openMenu}
      />,
    );
  }

  return (
    <div
      ref={tableRef}
      className="table"
      role="grid"
      aria-label="Samples"
      aria-rowcount={count + 1}
      aria-multiselectable
      aria-busy={loading}
    >
      <HeaderRow layout={layout} />
      <div
        ref={scrollRef}
        className="table-body"
        tabIndex={0}
        data-list="samples"
        onKeyDown={(e) => {
          // The menu key or Shift+F10: the menu of the row under the keyboard cursor.
          if (e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey)) return;
          const cursor = useStore.getState().selection.cursor;
          const row = cursor === null ? undefined : rows[cursor];
          const el = cursor === null ? null : document.getElementById(`sample-row-${cursor}`);
          if (!row || !el || cursor === null) return;
          e.preventDefault();
          const r = el.getBoundingClientRect();
          openMenu({ x: r.left + 40, y: r.bottom, row }, cursor);
        }}
        aria-activedescendant={
          selection.cursor !== null ? `sample-row-${selection.cursor}` : undefined
        }
      >
        <div className="table-spacer" style={{ height: count * ROW_HEIGHT, minWidth }}>
          {items}
        </div>
      </div>
      {menu && <RowMenu at={menu} onClose={closeMenu} />}
    </div>
  );
}
