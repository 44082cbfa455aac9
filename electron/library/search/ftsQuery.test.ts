import { describe, expect, it } from 'vitest';
import { expandQuery, type ExpandedTerm } from '../../../shared/search/expandQuery';
import { openDatabase } from '../db';
import { ftsExpression, ftsTierExpressions } from './ftsQuery';

describe('ftsExpression', () => {
  it('ANDs terms, ORs alternatives, quotes words and marks prefixes', () => {
    expect(ftsExpression(expandQuery('dark pad'))).toBe(
      '"dark"* AND ("pad"* OR "atmo"* OR "drone"*)',
    );
    expect(ftsExpression(expandQuery('sub bass'))).toBe('("subbass"* OR ("sub"* AND "bass"*))');
    expect(ftsExpression(expandQuery('  ""  '))).toBeNull();
    const quote: ExpandedTerm = {
      typed: 'a"b',
      alternatives: [{ tier: 'exact', words: [{ word: 'a"b', prefix: false }] }],
    };
    expect(ftsExpression([quote])).toBe('"a""b"');
  });

  it('gives SQLite valid expressions for every tier of a query', () => {
    const db = openDatabase(':memory:');
    const run = (expr: string) =>
      db.prepare('SELECT count(*) FROM samples_fts WHERE samples_fts MATCH ?').pluck().get(expr);
    for (const text of ['hi-hat', 'kik', 'bass drum 808', 'perc', 'x"y', 'é']) {
      const terms = expandQuery(text);
      expect(run(ftsExpression(terms)!)).toBe(0);
      for (const better of ftsTierExpressions(terms))
        for (const e of better) expect(run(e)).toBe(0);
    }
    // one tier: no tier score needed
    expect(ftsTierExpressions(expandQuery('zebra'))).toEqual([]);
    expect(ftsTierExpressions(expandQuery('kick'))).toEqual([
      ['"kick"*', '("bd" OR "kik" OR "kck" OR "bassdrum"*)'],
    ]);
    db.close();
  });
});
