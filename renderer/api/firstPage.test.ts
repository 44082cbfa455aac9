import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_QUERY } from '../../shared/firstPage';
import { buildSearchQuery, EMPTY_FILTERS } from '../lib/searchQuery';
import { parseFirstPage, takeFirstPage } from './firstPage';

const page = { items: [{ id: 1, name: 'kick.wav' }], nextCursor: 'c1', total: 1, tookMs: 3 };

describe('first page from the HTML', () => {
  it('is the query a fresh browser opens with', () => {
    const opening = buildSearchQuery(
      { text: '', filters: EMPTY_FILTERS, scope: { type: 'all' }, sort: null, now: Date.now() },
      { limit: 120 },
    );
    expect(opening).toEqual(FIRST_PAGE_QUERY);
  });

  it('is used only when it answers the same query (key order aside)', () => {
    const text = JSON.stringify({ query: FIRST_PAGE_QUERY, page });
    expect(parseFirstPage(text, FIRST_PAGE_QUERY)).toEqual(page);
    const reordered = { limit: 120, sort: { dir: 'asc', by: 'name' }, filters: {} } as const;
    expect(parseFirstPage(text, reordered)).toEqual(page);
    expect(parseFirstPage(text, { ...FIRST_PAGE_QUERY, text: 'kick' })).toBeNull();
    expect(parseFirstPage(text, { ...FIRST_PAGE_QUERY, limit: 50 })).toBeNull();
    expect(
      parseFirstPage(text, { ...FIRST_PAGE_QUERY, sort: { by: 'bpm', dir: 'asc' } }),
    ).toBeNull();
  });

  it('is ignored when missing or broken', () => {
    expect(parseFirstPage(null, FIRST_PAGE_QUERY)).toBeNull();
    expect(parseFirstPage('{not json', FIRST_PAGE_QUERY)).toBeNull();
    expect(parseFirstPage('[]', FIRST_PAGE_QUERY)).toBeNull();
    expect(
      parseFirstPage(
        JSON.stringify({ query: FIRST_PAGE_QUERY, page: { items: 3 } }),
        FIRST_PAGE_QUERY,
      ),
    ).toBeNull();
    expect(
      parseFirstPage(
        JSON.stringify({ query: FIRST_PAGE_QUERY, page: { items: [], tookMs: 1 } }),
        FIRST_PAGE_QUERY,
      ),
    ).toEqual({ items: [], nextCursor: null, total: null, tookMs: 1 });
  });

  it('is taken once from the document', () => {
    let removed = 0;
    const el = {
      textContent: JSON.stringify({ query: FIRST_PAGE_QUERY, page }),
      remove: () => removed++,
    };
    let present = true;
    const doc = {
      getElementById: (id: string) => (present && id === 'samplemind-first-page' ? el : null),
    } as unknown as Document;
    expect(takeFirstPage(FIRST_PAGE_QUERY, doc)).toEqual(page);
    expect(removed).toBe(1);
    present = false;
    expect(takeFirstPage(FIRST_PAGE_QUERY, doc)).toBeNull();
    expect(takeFirstPage(FIRST_PAGE_QUERY, undefined)).toBeNull();
  });
});
