import type { ExpandedTerm, WordPattern } from '../../../shared/search/expandQuery';
import { Bitset } from './bitset';
import type { LibraryIndex } from './libraryIndex';
import type { TokenIndex } from './tokenIndex';

type Visit = (ids: Int32Array, length: number, word: string) => void;

/** Where some word patterns were found: names, folders, tags. */
export interface WordMatch {
  names: Bitset;
  /** Names where a pattern is a whole word (scores higher than a prefix). */
  exactNames: Bitset;
  /** 1 for each dir id whose folder path has a matching word. */
  dirs: Uint8Array;
  /** True when some dir matched. */
  anyDir: boolean;
  tags: Bitset | null;
}

/** Where one query term was found, by tier (expandQuery.ts); null where a tier has no alternative. */
export interface TermMatch {
  exact: WordMatch | null;
  synonym: WordMatch | null;
  fuzzy: WordMatch | null;
  /** Alternatives of several words (a typed compound's words apart): all must match. */
  together: WordMatch[][];
  /** The one-word tiers merged (what matching needs; tiers only matter for relevance). */
  any: WordMatch | null;
}

/** Highest score of one term (termScore). */
export const MAX_TERM_SCORE = 7;

function emptyMatch(index: LibraryIndex): WordMatch {
  const cap = index.columns.maxId + 1;
  return {
    names: new Bitset(cap),
    exactNames: new Bitset(cap),
    dirs: new Uint8Array(index.columns.dirs.length),
    anyDir: false,
    tags: null,
  };
}

/**
 * Adds the samples a pattern matches the way the FTS index does: a prefix pattern
 * matches a word of the name, folder path or a tag that starts with it, a whole-word
 * pattern only that word.
 */
function addPattern(index: LibraryIndex, m: WordMatch, p: WordPattern): void {
  const lookup = (words: TokenIndex, visit: Visit): void =>
    p.prefix ? words.forPrefix(p.word, visit) : words.forWord(p.word, visit);
  lookup(index.nameWords, (ids, length, w) => {
    m.names.addAll(ids, length);
    if (w === p.word) m.exactNames.addAll(ids, length);
  });
  lookup(index.dirWords, (ids, length) => {
    for (let i = 0; i < length; i++) m.dirs[ids[i]!] = 1;
    if (length > 0) m.anyDir = true;
  });
  lookup(index.tagWords, (tagIds, length) => {
    for (let i = 0; i < length; i++) {
      const members = index.tagMembers.get(tagIds[i]!);
      if (!members) continue;
      m.tags ??= new Bitset(index.columns.maxId + 1);
      m.tags.or(members);
    }
  });
}

/** Resolves each expanded term's alternatives against the index, merged per tier. */
export function matchTerms(index: LibraryIndex, terms: readonly ExpandedTerm[]): TermMatch[] {
  return terms.map((term) => {
    const t: TermMatch = { exact: null, synonym: null, fuzzy: null, together: [], any: null };
    for (const alt of term.alternatives) {
      if (alt.words.length > 1) {
        t.together.push(
          alt.words.map((p) => {
            const m = emptyMatch(index);
            addPattern(index, m, p);
            return m;
          }),
        );
        continue;
      }
      const m = (t[alt.tier] ??= emptyMatch(index));
      addPattern(index, m, alt.words[0]!);
    }
    t.any = merged(index, [t.exact, t.synonym, t.fuzzy]);
    return t;
  });
}

/** The union of some matches (the match itself when there is one). */
function merged(index: LibraryIndex, parts: ReadonlyArray<WordMatch | null>): WordMatch | null {
  const present = parts.filter((m): m is WordMatch => m !== null);
  if (present.length <= 1) return present[0] ?? null;
  const out = emptyMatch(index);
  for (const m of present) {
    out.names.or(m.names);
    if (m.tags) (out.tags ??= new Bitset(index.columns.maxId + 1)).or(m.tags);
    if (m.anyDir) {
      out.anyDir = true;
      for (let d = 0; d < m.dirs.length; d++) if (m.dirs[d] === 1) out.dirs[d] = 1;
    }
  }
  return out;
}

function hits(m: WordMatch | null, id: number, dirId: number): boolean {
  return (
    m !== null && (m.names.has(id) || m.dirs[dirId] === 1 || (m.tags !== null && m.tags.has(id)))
  );
}

/** True when a sample (id, its dir id) satisfies the term. */
export function termHits(t: TermMatch, id: number, dirId: number): boolean {
  const a = t.any;
  if (a !== null && (a.names.has(id) || a.dirs[dirId] === 1 || (a.tags !== null && a.tags.has(id))))
    return true;
  const together = t.together;
  for (let i = 0; i < together.length; i++) {
    const words = together[i]!;
    let all = true;
    for (let w = 0; w < words.length && all; w++) all = hits(words[w]!, id, dirId);
    if (all) return true;
  }
  return false;
}

/**
 * Relevance of one term for a sample, 0–7: the typed word as a whole word of the name (7),
 * starting a name word (6), in a tag — class and descriptors included (5); a synonym in the
 * name (4) or a tag (3); the typed word or a synonym in the folder path (2); a near spelling
 * anywhere (1). A typed compound's words apart: 6 in the name, else 2.
 */
export function termScore(t: TermMatch, id: number, dirId: number): number {
  const e = t.exact;
  if (e) {
    if (e.exactNames.has(id)) return 7;
    if (e.names.has(id)) return 6;
  }
  let best = 0;
  for (const words of t.together) {
    if (words.every((m) => m.names.has(id))) return 6;
    if (words.every((m) => hits(m, id, dirId))) best = 2;
  }
  if (e?.tags?.has(id)) return 5;
  const s = t.synonym;
  if (s) {
    if (s.names.has(id)) return 4;
    if (s.tags?.has(id)) return 3;
  }
  if (e?.dirs[dirId] === 1 || s?.dirs[dirId] === 1) return 2;
  if (best > 0) return best;
  return hits(t.fuzzy, id, dirId) ? 1 : 0;
}

/**
 * The ids a term can match at most when no folder matches it: its name and tag hits. Null
 * when a folder matches (then every id in that folder can match) or the term has nothing.
 */
export function leadCandidates(t: TermMatch): Bitset[] | null {
  const sets: Bitset[] = [];
  const m = t.any;
  if (m) {
    if (m.anyDir) return null;
    sets.push(m.names);
    if (m.tags) sets.push(m.tags);
  }
  for (const words of t.together) {
    const m = words.find((w) => !w.anyDir);
    if (!m) return null;
    sets.push(m.names);
    if (m.tags) sets.push(m.tags);
  }
  return sets;
}
