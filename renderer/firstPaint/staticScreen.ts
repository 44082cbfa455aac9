import type { SampleSummary } from '../../shared/contract';
import { cellText, cellTitle } from '../features/browser/cellText';
import { columnDef, tableLayout, type ColumnId, type ColumnWidths } from '../lib/columns';

/** Same height as the live list's rows (BrowserTable's ROW_HEIGHT). */
export const STATIC_ROW_HEIGHT = 32;

export interface StaticScreenInput {
  rows: readonly SampleSummary[];
  /** Rows in the whole result (the list's scroll height). */
  total: number;
  widths: ColumnWidths;
  /** The columns the user chose to show. */
  columns: readonly ColumnId[];
  /** Width the list's rows have (px): the live table lays its columns out the same way. */
  tableWidth: number;
  /** Rows that fit on screen: no more are drawn. */
  visibleRows: number;
  /** For "added … ago". */
  now: number;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

function staticRow(
  row: SampleSummary,
  index: number,
  template: string,
  visible: readonly ColumnId[],
  now: number,
): string {
  const style = `transform: translateY(${index * STATIC_ROW_HEIGHT}px); grid-template-columns: ${template};`;
  const cells = visible
    .map((id) => {
      const col = columnDef(id);
      if (col.id === 'rating') {
        const stars = [1, 2, 3, 4, 5]
          .map((n) => `<span class="${n <= row.rating ? 'star star--on' : 'star'}">★</span>`)
          .join('');
        return `<span class="cell cell--center" role="gridcell"><span class="stars">${stars}</span></span>`;
      }
      const content =
        col.id === 'tags'
          ? row.tags
              .slice(0, 4)
              .map((t) => `<span class="tag">${escapeHtml(t)}</span>`)
              .join('')
          : escapeHtml(cellText(row, col.id, now));
      return `<span class="cell cell--${col.align} cell--${col.id}" role="gridcell"${attr('title', cellTitle(row, col.id))}>${content}</span>`;
    })
    .join('');
  const cls = row.missing ? 'row row--missing' : 'row';
  return (
    `<div class="${cls}" role="row" aria-rowindex="${index + 2}" data-id="${escapeHtml(String(row.id))}" style="${style}">` +
    `<span class="cell cell--center" role="gridcell"><span class="${row.favorite ? 'fav fav--on' : 'fav'}">${row.favorite ? '♥' : '♡'}</span></span>` +
    `<span class="cell cell--wave" role="gridcell"><span class="miniwave miniwave--empty"></span></span>` +
    cells +
    `</div>`
  );
}

/**
 * The browser's first screen as plain markup: the app's frame and the rows on screen, with the
 * classes, roles and cell text of the live components. Web mode paints it from the rows in the
 * page before the app's code has loaded; React then replaces it (it is inert and hidden from
 * assistive technology meanwhile: nothing in it answers a click yet).
 */
export function staticScreenHtml(input: StaticScreenInput): string {
  const layout = tableLayout(input.widths, input.columns, input.tableWidth);
  const { template, visible } = layout;
  const minWidth = layout.rowWidth;
  // The opening query sorts by name, ascending (shared/firstPage's FIRST_PAGE_QUERY).
  const header = visible
    .map((id) => {
      const col = columnDef(id);
      const label =
        col.id === 'name'
          ? `<span class="sort sort--active">${escapeHtml(col.label)}<span class="sort-arrow">▲</span></span>`
          : `<span class="sort">${escapeHtml(col.label)}</span>`;
      return `<span role="columnheader" class="cell cell--${col.align}">${label}<span class="col-resizer"></span></span>`;
    })
    .join('');
  const rows = input.rows
    .slice(0, Math.max(0, input.visibleRows))
    .map((row, i) => staticRow(row, i, template, visible, input.now))
    .join('');
  const height = Math.max(input.total, input.rows.length) * STATIC_ROW_HEIGHT;
  return (
    `<div class="app app--static" inert aria-hidden="true" data-static-screen>` +
    `<header class="topbar"><h1 class="brand"><span>◉</span> SampleMind</h1></header>` +
    `<div></div>` +
    `<div class="body"><nav class="sidebar"></nav><main class="main">` +
    `<div class="query-bar"></div>` +
    `<div class="table" role="grid" aria-label="Samples">` +
    `<div class="row row--header" role="row" style="grid-template-columns: ${template}; min-width: ${minWidth}px;">` +
    `<span role="columnheader" class="cell"></span><span role="columnheader" class="cell"></span>${header}</div>` +
    `<div class="table-body"><div class="table-spacer" style="height: ${height}px; min-width: ${minWidth}px;">${rows}</div></div>` +
    `</div></main></div>` +
    `<section class="player"></section>` +
    `</div>`
  );
}
