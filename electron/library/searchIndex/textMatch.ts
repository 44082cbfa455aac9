import type { ExpandedTerm, WordPattern } from '../../../shared/search/expandQuery';
import { Bitset } from './bitset';
import type { LibraryIndex } from './libraryIndex';
import type { TokenIndex } from './tokenIndex';

type Visit = (ids: Int32Array, length: number, word: string) => void;

/** Where some word patterns were found: names, folders, tags. */
export interface WordMatch {
  names: Bitset;
  /** Names where a pattern is a whole word (scores higher than a prefix); built for relevance only. */
  exactNames: Bitset | null;
  /** 1 for each dir id whose folder path has a matching word. */
  dirs: Uint8Array;
  tags: Bitset | null;
  /** At least how many samples it matches: name postings + folder members + tag members. */
  bound: number;
  /** The folders it matches, by id. */
  dirList: number[];
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
  /** At least how many samples the term can match (for choosing the term to walk). */
  bound: number;
}

/** Highest score of one term (termScore). */
export const MAX_TERM_SCORE = 7;

function emptyMatch(index: LibraryIndex, exact: boolean): WordMatch {
  const cap = index.columns.maxId + 1;
  return {
    names: new Bitset(cap),
    exactNames: exact ? new Bitset(cap) : null,
    dirs: new Uint8Array(index.columns.dirs.length),
    tags: null,
    bound: 0,
    dirList: [],
  };
}

function addDir(index: LibraryIndex, m: WordMatch, dir: number): void {
  if (m.dirs[dir] === 1) return;
  m.dirs[dir] = 1;
  m.dirList.push(dir);
  m.bound += index.dirMembers[dir]?.length ?? 0;
}

/**
 * Adds the samples a pattern matches the way the FTS index does: a prefix pattern
 * matches a word of the name, folder path or a tag that starts with it, a whole-word
 * pattern only that word. Costs the number of hits, never the library size.
 */
function addPattern(index: LibraryIndex, m: WordMatch, p: WordPattern): void {
  const lookup = (words: TokenIndex, visit: Visit): void =>
    p.prefix ? words.forPrefix(p.word, visit) : words.forWord(p.word, visit);
  lookup(index.nameWords, (ids, length, w) => {
    m.names.addAll(ids, length);
    m.bound += length;
    if (m.exactNames && w === p.word) m.exactNames.addAll(ids, length);
  });
  lookup(index.dirWords, (ids, length) => {
    for (let i = 0; i < length; i++) addDir(index, m, ids[i]!);
  });
  let tags: Bitset | null = null;
  lookup(index.tagWords, (tagIds, length) => {
    for (let i = 0; i < length; i++) {
      const members = index.tagMembers.get(tagIds[i]!);
      if (!members) continue;
      tags ??= new Bitset(index.columns.maxId + 1);
      tags.or(members);
    }
  });
  if (tags !== null) {
    const found: Bitset = tags;
    m.bound += found.size();
    if (m.tags) m.tags.or(found);
    else m.tags = found;
  }
}

/** The union of some matches (the match itself when there is one). */
function merged(index: LibraryIndex, parts: ReadonlyArray<WordMatch | null>): WordMatch | null {
  const present = parts.filter((m): m is WordMatch => m !== null);
  if (present.length <= 1) return present[0] ?? null;
  const out = emptyMatch(index, false);
  for (const m of present) {
    out.names.or(m.names);
    if (m.tags) (out.tags ??= new Bitset(index.columns.maxId + 1)).or(m.tags);
    for (const dir of m.dirList) addDir(index, out, dir);
  }
  // addDir counted the folders' members once each; names and tags overlap across parts
  out.bound += out.names.size() + (out.tags ? out.tags.size() : 0);
  return out;
}

/**
 * Resolves each expanded term's alternatives against the index, merged per tier; whole-word
 * name hits are kept apart only when `exact` (relevance order needs them).
 */
export function matchTerms(
  index: LibraryIndex,
  terms: readonly ExpandedTerm[],
  exact = false,
): TermMatch[] {
  return terms.map((term) => {
    const t: TermMatch = {
      exact: null,
      synonym: null,
      fuzzy: null,
      together: [],
      any: null,
      bound: 0,
    };
    for (const alt of term.alternatives) {
      if (alt.words.length > 1) {
        t.together.push(
          alt.words.map((p) => {
            const m = emptyMatch(index, false);
            addPattern(index, m, p);
            return m;
          }),
        );
        continue;
      }
      const m = (t[alt.tier] ??= emptyMatch(index, exact));
      addPattern(index, m, alt.words[0]!);
    }
    t.any = merged(index, [t.exact, t.synonym, t.fuzzy]);
    t.bound = t.any?.bound ?? 0;
    for (const words of t.together) t.bound += Math.min(...words.map((w) => w.bound));
    return t;
  });
}

/** Whether `m` matches sample `id` (in folder `dirId`). */
export function wordMatches(m: WordMatch, id: number, dirId: number): boolean {
  return m.names.has(id) || m.dirs[dirId] === 1 || (m.tags !== null && m.tags.has(id));
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
    for (let w = 0; w < words.length && all; w++) all = wordMatches(words[w]!, id, dirId);
    if (all) return true;
  }
  return false;
}

/**
 * termHits as 1 or 0, without branching on the data where the term has no words apart (for
 * loops that add up hits: see filterPasses.ts).
 */
export function termBit(t: TermMatch, id: number, dirId: number): number {
  const a = t.any;
  const hit =
    a === null ? 0 : a.names.bit(id) | a.dirs[dirId]! | (a.tags === null ? 0 : a.tags.bit(id));
  if (t.together.length > 0 && hit === 0) return Number(termHits(t, id, dirId));
  return hit;
}

function wordSet(index: LibraryIndex, m: WordMatch, into: Bitset): void {
  into.or(m.names);
  for (const dir of m.dirList) {
    const members = index.dirMembers[dir];
    if (members) into.addAll(members.ids, members.length);
  }
  if (m.tags) into.or(m.tags);
}

/**
 * Every sample the term can match (names ∪ members of its folders ∪ tags, and for words
 * apart those of their rarest word), as a new set. Name and tag hits are OR-ed a word (32 ids)
 * at a time; folder members cost a bit write each.
 */
export function termMatchSet(index: LibraryIndex, t: TermMatch): Bitset {
  const out = new Bitset(index.columns.maxId + 1);
  if (t.any) wordSet(index, t.any, out);
  for (const words of t.together) {
    const rarest = words.reduce((a, b) => (b.bound < a.bound ? b : a));
    wordSet(index, rarest, out);
  }
  return out;
}

/**
 * Relevance of one term for a sample, 0–7: the typed word as a whole word of the name (7),
 * starting a name word (6), in a tag — class and descriptors included (5); a synonym in the
 * name (4) or a tag (3); the typed word or a synonym in the folder path (2); a near spelling
 * anywhere (1). A typed compound's words apart: 6 in the name, else 2.
 */
export function termScore(t: TermMatch, id: number, dirId: number): number {
  // Each level that applies sets its bit; the score is the highest bit set. Which tiers
  // exist is fixed for a query, so the only branches are ones the CPU predicts.
  const e = t.exact;
  const s = t.synonym;
  let mask = 1;
  if (e !== null) {
    if (e.exactNames !== null) mask |= e.exactNames.bit(id) << 7;
    mask |= (e.names.bit(id) << 6) | (e.dirs[dirId]! << 2);
    if (e.tags !== null) mask |= e.tags.bit(id) << 5;
  }
  if (s !== null) {
    mask |= (s.names.bit(id) << 4) | (s.dirs[dirId]! << 2);
    if (s.tags !== null) mask |= s.tags.bit(id) << 3;
  }
  for (const words of t.together) {
    if (words.every((m) => m.names.has(id))) mask |= 1 << 6;
    else if (words.every((m) => wordMatches(m, id, dirId))) mask |= 1 << 2;
  }
  if (t.fuzzy !== null) mask |= Number(wordMatches(t.fuzzy, id, dirId)) << 1;
  return 31 - Math.clz32(mask);
}
