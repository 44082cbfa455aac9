import { describe, expect, it } from 'vitest';
import {
  expandQuery,
  simplifyAlternatives,
  type Alternative,
  type IndexedWords,
} from './expandQuery';

/** A vocabulary of indexed words, as an index would answer about it. */
function indexed(...words: string[]): IndexedWords & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    hasPrefix: (p) => {
      asked.push(`${p}*`);
      return words.some((w) => w.startsWith(p));
    },
    hasWord: (w) => words.includes(w),
  };
}

const show = (text: string, words: IndexedWords | null = null) =>
  expandQuery(text, words).map((t) =>
    t.alternatives.map(
      (a) => `${a.tier}:${a.words.map((w) => w.word + (w.prefix ? '*' : '')).join('+')}`,
    ),
  );

/** True when one of the (one-word) alternatives of the first term finds the indexed `word`. */
const finds = (text: string, word: string) =>
  expandQuery(text)[0]!.alternatives.some(
    (a) =>
      a.words.length === 1 &&
      (a.words[0]!.prefix ? word.startsWith(a.words[0]!.word) : word === a.words[0]!.word),
  );

describe('expandQuery', () => {
  it('finds the same things for every spelling of hi-hat', () => {
    const words = [
      'hihat',
      'hihats',
      'hh',
      'hht',
      'hat',
      'hats',
      'highhat',
      'openhat',
      'hi',
      'kick',
      'that',
      'hhx',
    ];
    const hihat = words.filter((w) => finds('hihat', w));
    expect(hihat).toEqual(['hihat', 'hihats', 'hh', 'hht', 'hat', 'hats', 'highhat', 'openhat']);
    for (const typed of ['hi hat', 'hi-hat', 'HiHat', 'hihats', 'hh', 'hats'])
      expect(words.filter((w) => finds(typed, w))).toEqual(
        typed === 'hh' ? [...hihat, 'hhx'] : hihat,
      );
  });

  it('keeps the typed word exact and first, synonyms after', () => {
    const [kik] = show('kik');
    expect(kik![0]).toBe('exact:kik*');
    expect(kik).toEqual(
      expect.arrayContaining(['synonym:kick*', 'synonym:bd', 'synonym:bassdrum*']),
    );
    expect(kik!.every((a, i) => i === 0 || !a.startsWith('exact'))).toBe(true);
  });

  it('matches short abbreviations as whole words and longer words as prefixes', () => {
    const alts = expandQuery('kick')[0]!.alternatives.flatMap((a) => a.words);
    expect(alts.find((w) => w.word === 'bd')).toEqual({ word: 'bd', prefix: false });
    expect(alts.find((w) => w.word === 'bassdrum')).toEqual({ word: 'bassdrum', prefix: true });
  });

  it('keeps the words of a typed compound as an alternative, as search did before', () => {
    expect(show('sub bass')).toEqual([['exact:subbass*', 'exact:sub*+bass*']]);
    expect(show('dark pad')).toEqual([
      ['exact:dark*'],
      ['exact:pad*', 'synonym:atmo*', 'synonym:drone*'],
    ]);
  });

  it('tries near spellings only for a 4+ letter word nothing starts with', () => {
    const words = indexed('kick', 'kicks', 'tick', 'snare', 'hihat');
    expect(show('kcik', words)[0]).toEqual(
      expect.arrayContaining(['exact:kcik*', 'fuzzy:kick*', 'fuzzy:bd']),
    );
    expect(show('tcik', words)[0]).toEqual(['exact:tcik*', 'fuzzy:tick*']);
    expect(show('snaer', words)[0]).toEqual(expect.arrayContaining(['fuzzy:snare*', 'fuzzy:sd']));
    // a word that is found as typed gets no near spellings ("kick" does not find "tick")
    expect(show('kick', words)[0]!.some((a) => a.startsWith('fuzzy'))).toBe(false);
    expect(show('tick', words)).toEqual([['exact:tick*']]);
    // nor does a short word, nor a word while it is still a prefix of something
    expect(show('kik', words)[0]!.some((a) => a.startsWith('fuzzy'))).toBe(false);
    expect(show('snar', words)).toEqual([['exact:snar*']]);
    // nothing near: the word stays alone
    expect(show('zzzzz', words)).toEqual([['exact:zzzzz*']]);
    // without an index there is no typo tolerance
    expect(show('kcik')).toEqual([['exact:kcik*']]);
  });

  it('does not ask the index about vocabulary words', () => {
    const words = indexed();
    expandQuery('hihat kick 808', words);
    expect(words.asked).toEqual([]);
  });

  it('drops alternatives a broader one of the same or a better tier covers', () => {
    const alt = (tier: Alternative['tier'], ...w: string[]): Alternative => ({
      tier,
      words: w.map((x) => ({ word: x.replace('*', ''), prefix: x.endsWith('*') })),
    });
    const kept = simplifyAlternatives([
      alt('synonym', 'kickdrum*'),
      alt('exact', 'kick*'),
      alt('exact', 'kick*', 'drum*'),
      alt('synonym', 'bd'),
      alt('synonym', 'bd'),
      alt('fuzzy', 'bd'),
      alt('synonym', 'bdx'),
    ]);
    expect(kept).toEqual([alt('exact', 'kick*'), alt('synonym', 'bd'), alt('synonym', 'bdx')]);
  });
});
