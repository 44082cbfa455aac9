/**
 * The seam between what a producer types and the search indexes: typed text → terms, each
 * with the alternatives that satisfy it and how good a match each is.
 *
 * - **exact**: the typed word, normalised (normalizeTerms.ts), as a prefix — what search
 *   always did; a joined compound also keeps its typed words ("sub bass": "subbass…", or
 *   "sub…" and "bass…" anywhere, as before);
 * - **synonym**: the vocabulary's other names and narrower words (searchTerms.ts);
 * - **fuzzy**: for a word of four or more letters that no indexed word starts with and the
 *   vocabulary does not know, the indexed (or vocabulary) words one edit away, and their
 *   synonyms.
 *
 * Every term must match (AND); a term matches when any of its alternatives does (OR); an
 * alternative matches when all its words do (AND; most have one word). The indexes (SQL
 * full text and the in-memory index) only need `IndexedWords` to answer two questions
 * about their vocabulary. Pure.
 */
import { wordsOneEditAway } from './nearWords';
import { normalizeTerms, type NormalTerm } from './normalizeTerms';
import { GROUPS_BY_NAME, KNOWN_TERMS, type Phrase } from './searchTerms';

export type Tier = 'exact' | 'synonym' | 'fuzzy';
export const TIERS: readonly Tier[] = ['exact', 'synonym', 'fuzzy'];

/** One word to look up: as a whole word, or as the start of words. */
export interface WordPattern {
  word: string;
  prefix: boolean;
}

export interface Alternative {
  tier: Tier;
  /** All must match (most alternatives have one word). */
  words: readonly WordPattern[];
}

export interface ExpandedTerm {
  /** What was typed for this term ("hi hat"). */
  typed: string;
  /** Any of these satisfies the term; best tier first. */
  alternatives: readonly Alternative[];
}

/** What an index knows about its words (names, folder words, visible tags). */
export interface IndexedWords {
  /** True when some indexed word starts with `prefix`. */
  hasPrefix(prefix: string): boolean;
  /** True when `word` is an indexed word. */
  hasWord(word: string): boolean;
}

/** Shortest typed word that typo tolerance applies to (shorter words have too many neighbours). */
export const FUZZY_MIN_LENGTH = 4;
/** Most near spellings one term expands to. */
const MAX_FUZZY = 12;
/** Vocabulary words this short are matched whole ("bd" must not find "bdx"); longer ones as prefixes. */
const WHOLE_WORD_MAX = 3;

const RANK: Record<Tier, number> = { exact: 0, synonym: 1, fuzzy: 2 };

function vocabularyWord(word: string): WordPattern {
  return { word, prefix: word.length > WHOLE_WORD_MAX };
}

/**
 * A vocabulary phrase stands for its joined spelling ("bass drum" → "bassdrum…"): its
 * words apart would match anywhere in a path ("Drum & Bass/Bass 01"). Files named with
 * the words apart get the class from their name at analysis, and the class is a tag.
 */
function phraseAlternative(tier: Tier, phrase: Phrase): Alternative {
  return { tier, words: [vocabularyWord(phrase.join(''))] };
}

function groupAlternatives(tier: Tier, term: string): Alternative[] {
  const out: Alternative[] = [];
  for (const g of GROUPS_BY_NAME.get(term) ?? [])
    for (const phrase of [...g.names, ...g.narrower]) out.push(phraseAlternative(tier, phrase));
  return out;
}

function covers(general: WordPattern, specific: WordPattern): boolean {
  return general.prefix
    ? specific.word.startsWith(general.word)
    : !specific.prefix && specific.word === general.word;
}

/**
 * Drops alternatives that a one-word alternative of the same or a better tier already
 * covers ("kickdrum…" under "kick…", "sub"+"bass" under "bass…"), best tier first.
 */
export function simplifyAlternatives(alternatives: readonly Alternative[]): Alternative[] {
  const sorted = [...alternatives].sort(
    (a, b) =>
      RANK[a.tier] - RANK[b.tier] ||
      a.words.length - b.words.length ||
      a.words[0]!.word.length - b.words[0]!.word.length ||
      Number(a.words[0]!.prefix) - Number(b.words[0]!.prefix),
  );
  const kept: Alternative[] = [];
  for (const alt of sorted) {
    const covered = kept.some(
      (k) =>
        k.words.length === 1 &&
        RANK[k.tier] <= RANK[alt.tier] &&
        alt.words.some((w) => covers(k.words[0]!, w)),
    );
    if (!covered) kept.push(alt);
  }
  return kept;
}

/** Near spellings of a term that the index or the vocabulary knows. */
function nearSpellings(term: string, words: IndexedWords): string[] {
  if (term.length < FUZZY_MIN_LENGTH || KNOWN_TERMS.has(term) || words.hasPrefix(term)) return [];
  const out: string[] = [];
  for (const candidate of wordsOneEditAway(term)) {
    if (KNOWN_TERMS.has(candidate) || words.hasWord(candidate)) out.push(candidate);
    if (out.length >= MAX_FUZZY) break;
  }
  return out;
}

/** The alternatives of one normalised term. */
export function expandTerm(t: NormalTerm, words: IndexedWords | null): ExpandedTerm {
  const alts: Alternative[] = [{ tier: 'exact', words: [{ word: t.term, prefix: true }] }];
  if (t.words.length > 1)
    alts.push({ tier: 'exact', words: t.words.map((word) => ({ word, prefix: true })) });
  alts.push(...groupAlternatives('synonym', t.term));
  if (words) {
    for (const near of nearSpellings(t.term, words)) {
      alts.push({ tier: 'fuzzy', words: [vocabularyWord(near)] });
      alts.push(...groupAlternatives('fuzzy', near));
    }
  }
  return { typed: t.words.join(' '), alternatives: simplifyAlternatives(alts) };
}

/**
 * Typed text → terms with their alternatives. Without `words` (no index at hand) there
 * is no typo tolerance; synonyms and normalisation still apply.
 */
export function expandQuery(text: string, words: IndexedWords | null = null): ExpandedTerm[] {
  return normalizeTerms(text).map((t) => expandTerm(t, words));
}
