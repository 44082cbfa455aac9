import { describe, expect, it } from 'vitest';
import type { SampleSummary } from '../../shared/contract';
import { sampleSummary } from '../../shared/test-support/sampleSummary';
import { COLUMNS, DEFAULT_WIDTHS, tableLayout } from '../lib/columns';
import { escapeHtml, staticScreenHtml } from './staticScreen';

function sample(id: number, over: Partial<SampleSummary> = {}): SampleSummary {
  return sampleSummary(id, {
    durationSec: 1.5,
    kind: 'loop',
    bpm: 120,
    key: 'A minor',
    lufs: -12.3,
    truePeakDb: -1,
    class: 'kick',
    classConfidence: 0.9,
    ...over,
  });
}

const input = (rows: SampleSummary[], visibleRows = 10) => ({
  rows,
  total: 100_000,
  widths: DEFAULT_WIDTHS,
  columns: COLUMNS.map((c) => c.id),
  tableWidth: 1900,
  visibleRows,
  now: Date.now(),
});

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('static first screen', () => {
  it('escapes text for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('draws only the rows that fit on screen, at their places in the whole list', () => {
    const rows = Array.from({ length: 120 }, (_, i) => sample(i + 1));
    const html = staticScreenHtml(input(rows, 7));
    expect(count(html, /role="row" aria-rowindex/g)).toBe(7);
    expect(html).toContain('data-id="7"');
    expect(html).not.toContain('data-id="8"');
    expect(html).toContain('transform: translateY(192px)');
    // The list is as tall as the whole result, as the live list is.
    expect(html).toContain(`height: ${100_000 * 32}px`);
  });

  it('uses the live rows’ classes, roles and cell text', () => {
    const row = sample(5, {
      rating: 3,
      favorite: true,
      tags: ['dark', 'punchy'],
      missing: true,
    });
    const html = staticScreenHtml(input([row]));
    const { template } = tableLayout(
      DEFAULT_WIDTHS,
      COLUMNS.map((c) => c.id),
      1900,
    );
    expect(html).toContain(`grid-template-columns: ${template};`);
    expect(html).toContain('class="row row--missing" role="row"');
    for (const col of COLUMNS.filter((c) => c.id !== 'rating'))
      expect(html).toContain(`class="cell cell--${col.align} cell--${col.id}" role="gridcell"`);
    expect(html).toContain('role="gridcell">120<');
    expect(html).toContain('role="gridcell" title="A minor (8A)">Am<');
    expect(html).toContain('role="gridcell" title="kick, 90 % sure from the sound">kick<');
    expect(count(html, /star star--on/g)).toBe(3);
    expect(html).toContain('class="fav fav--on">♥<');
    expect(html).toContain('<span class="tag">dark</span><span class="tag">punchy</span>');
    expect(count(html, /role="columnheader"/g)).toBe(COLUMNS.length + 2);
  });

  it('is inert and hidden from assistive technology (nothing in it works yet)', () => {
    const html = staticScreenHtml(input([sample(1)]));
    expect(html.startsWith('<div class="app app--static" inert aria-hidden="true"')).toBe(true);
  });

  it('lays the columns out as the live table does in a narrow window', () => {
    const narrow = staticScreenHtml({ ...input([sample(1)]), tableWidth: 560 });
    const layout = tableLayout(
      DEFAULT_WIDTHS,
      COLUMNS.map((c) => c.id),
      560,
    );
    expect(layout.noRoom.length).toBeGreaterThan(0);
    expect(narrow).toContain(`grid-template-columns: ${layout.template};`);
    for (const id of layout.noRoom) expect(narrow).not.toContain(`cell--${id}"`);
    expect(narrow).toContain('cell--folder"');
  });

  it('never lets a sample’s name or tags become markup', () => {
    const html = staticScreenHtml(
      input([sample(1, { name: '<img src=x onerror=alert(1)>.wav', tags: ['"><b>'] })]),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.wav');
    // Not even an id that is not a number (the block is only parsed, not validated).
    const odd = staticScreenHtml(input([sample(1, { id: '1" onclick="x' as unknown as number })]));
    expect(odd).toContain('data-id="1&quot; onclick=&quot;x"');
  });
});
