import { queryWords } from '../../../shared/searchText';
import { Bitset } from './bitset';
import type { LibraryIndex } from './libraryIndex';

/** Where one query word was found: names (prefix), folders (prefix), tags (prefix). */
export interface WordMatch {
  names: Bitset;
  /** Names where the word is a whole word (scores higher than a prefix); built for relevance only. */
  exactNames: Bitset | null;
  dirs: Uint8Array;
  tags: Bitset | null;
  /** At least how many samples the word matches: name postings + folder members + tag members. */
  bound: number;
  /** The folders it matches, by id. */
  dirList: number[];
}

/** Whether word `m` matches sample `id` (in folder `dirId`). */
export function wordMatches(m: WordMatch, id: number, dirId: number): boolean {
  return m.names.has(id) || m.dirs[dirId] === 1 || (m.tags !== null && m.tags.has(id));
}

/**
 * Every sample the word matches (names ∪ members of its folders ∪ tags), as a new set.
 * Costs about `m.bound` bit writes: worth it when that is far below the library size.
 */
export function matchSet(index: LibraryIndex, m: WordMatch): Bitset {
  const any = m.names.clone();
  for (const dir of m.dirList) {
    const members = index.dirMembers[dir];
    if (members) any.addAll(members.ids, members.length);
  }
  if (m.tags) any.or(m.tags);
  return any;
}

/**
 * Resolves each query word the way the FTS index does: a word matches a sample
 * when it is a prefix of a word of its name, its folder path or one of its tags.
 * Costs the number of hits (posting lists, folder member lists), never the library size.
 */
export function matchWords(index: LibraryIndex, text: string, exact = false): WordMatch[] {
  const cap = index.columns.maxId + 1;
  return queryWords(text).map((word) => {
    const names = new Bitset(cap);
    const exactNames = exact ? new Bitset(cap) : null;
    let bound = 0;
    index.nameWords.forPrefix(word, (ids, length, w) => {
      names.addAll(ids, length);
      bound += length;
      if (exactNames && w === word) exactNames.addAll(ids, length);
    });
    const dirs = new Uint8Array(index.columns.dirs.length);
    const dirList: number[] = [];
    index.dirWords.forPrefix(word, (ids, length) => {
      for (let i = 0; i < length; i++) {
        const dir = ids[i]!;
        if (dirs[dir] === 1) continue;
        dirs[dir] = 1;
        dirList.push(dir);
        bound += index.dirMembers[dir]?.length ?? 0;
      }
    });
    let tags = null as Bitset | null;
    index.tagWords.forPrefix(word, (tagIds, length) => {
      for (let i = 0; i < length; i++) {
        const members = index.tagMembers.get(tagIds[i]!);
        if (!members) continue;
        tags ??= new Bitset(cap);
        tags.or(members);
      }
    });
    if (tags) bound += tags.size();
    return { names, exactNames, dirs, tags, bound, dirList };
  });
}

/** Relevance: whole-word name hits count most, then prefix name hits, tags, folders. */
export function wordScore(m: WordMatch, id: number, dirId: number): number {
  if (m.exactNames?.has(id)) return 4;
  if (m.names.has(id)) return 3;
  if (m.tags?.has(id)) return 2;
  if (m.dirs[dirId] === 1) return 1;
  return 0;
}
