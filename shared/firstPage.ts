import type { SearchPage } from './contract';
import type { SearchQuery } from './schemas/library';

/**
 * Web mode's first screen: the server answers the browser's opening query while it sends the
 * page, as a JSON data block in index.html, so the first rows need no WebSocket round trip.
 */
export const FIRST_PAGE_ELEMENT_ID = 'samplemind-first-page';

/** The query a fresh browser opens with: everything, by name (renderer/lib/searchQuery.ts builds it). */
export const FIRST_PAGE_QUERY: SearchQuery = {
  filters: {},
  sort: { by: 'name', dir: 'asc' },
  limit: 120,
};

/** What the data block holds: the query it answers and the page. */
export interface FirstPage {
  query: SearchQuery;
  page: SearchPage;
}
