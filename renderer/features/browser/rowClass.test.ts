import { describe, expect, it } from 'vitest';

/** Every renderer source but the tests, as text (Vite reads them: the renderer has no Node built-ins). */
const sources: Record<string, string> = import.meta.glob(
  ['/renderer/**/*.ts', '/renderer/**/*.tsx', '!**/*.test.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Files whose markup carries the bare `row` class (a string literal holding the word `row`). */
function filesUsingRowClass(): string[] {
  return Object.entries(sources)
    .filter(([, text]) =>
      /(?:className=|class=|^\s*)["'`](?:[^"'`]*\s)?row(?:\s[^"'`]*)?["'`]/m.test(text),
    )
    .map(([file]) => file.replace(/^\/renderer\//, ''))
    .sort();
}

/**
 * `.row` in app/app.css is the sample list's row: a grid 32 px high, not selectable.
 */
describe('the .row class', () => {
  it('is used by the list alone (a form in a 32 px grid row spills over the next one)', () => {
    // AiSettings once laid out each key field (input + Save) and the budget caps with it:
    // in the 1440x900 settings screen the Save buttons covered the next provider's field.
    expect(filesUsingRowClass()).toEqual([
      'features/browser/BrowserTable.tsx',
      'features/browser/HeaderRow.tsx',
      'firstPaint/staticScreen.ts',
    ]);
  });
});
