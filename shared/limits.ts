/** The longest search text accepted (characters); the search box stops there too. */
export const SEARCH_TEXT_MAX = 500;
