import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_ELEMENT_ID, FIRST_PAGE_QUERY } from '../../shared/firstPage';
import { paintFirstScreen } from './paintFirstScreen';

interface FakeEl {
  textContent: string | null;
  firstChild: unknown;
  innerHTML: string;
}

/** Just what the painter touches of a document. */
function fakeDocument(
  block: string | null,
  opts: { rootHasChildren?: boolean; theme?: string } = {},
) {
  const root: FakeEl = {
    textContent: null,
    firstChild: opts.rootHasChildren ? {} : null,
    innerHTML: '',
  };
  const data: FakeEl = { textContent: block, firstChild: null, innerHTML: '' };
  const dataset: Record<string, string> = {};
  const storage = {
    getItem: (k: string) => (k === 'samplemind.theme' ? (opts.theme ?? null) : null),
  };
  const doc = {
    getElementById: (id: string) =>
      id === 'root' ? root : id === FIRST_PAGE_ELEMENT_ID && block !== null ? data : null,
    documentElement: { dataset },
    defaultView: { innerHeight: 800, localStorage: storage },
  } as unknown as Document;
  return { doc, root, dataset };
}

const row = (id: number) => ({ id, name: `s${id}.wav`, rating: 0, tags: [], favorite: false });
const block = (items: unknown[], query = FIRST_PAGE_QUERY) =>
  JSON.stringify({ query, page: { items, nextCursor: null, total: 5000, tookMs: 2 } });

describe('painting the first screen from the page', () => {
  it('draws the rows that fit the window, in the stored theme', () => {
    const items = Array.from({ length: 120 }, (_, i) => row(i + 1));
    const { doc, root, dataset } = fakeDocument(block(items), { theme: 'light' });
    expect(paintFirstScreen(doc, 0)).toBe(true);
    // (800 - 160) / 32 + 1 rows.
    expect(root.innerHTML.match(/role="row" aria-rowindex/g)).toHaveLength(21);
    expect(root.innerHTML).toContain(`height: ${5000 * 32}px`);
    expect(dataset.theme).toBe('light');
  });

  it('draws nothing without rows from the server, or once the app has drawn', () => {
    expect(paintFirstScreen(fakeDocument(null).doc)).toBe(false);
    expect(paintFirstScreen(fakeDocument('{broken').doc)).toBe(false);
    expect(paintFirstScreen(fakeDocument(block([])).doc)).toBe(false);
    expect(
      paintFirstScreen(fakeDocument(block([row(1)], { ...FIRST_PAGE_QUERY, text: 'kick' })).doc),
    ).toBe(false);
    const drawn = fakeDocument(block([row(1)]), { rootHasChildren: true });
    expect(paintFirstScreen(drawn.doc)).toBe(false);
    expect(drawn.root.innerHTML).toBe('');
  });
});
