import { queryWords } from '../../../shared/searchText';
import { Bitset } from './bitset';
import type { LibraryIndex } from './libraryIndex';

/** Where one query word was found: names (prefix), folders (prefix), tags (prefix). */
export interface WordMatch {
  names: Bitset;
  /** Names where the word is a whole word (scores higher than a prefix). */
  exactNames: Bitset;
  dirs: Uint8Array;
  tags: Bitset | null;
}

/**
 * Resolves each query word the way the FTS index does: a word matches a sample
 * when it is a prefix of a word of its name, its folder path or one of its tags.
 */
export function matchWords(index: LibraryIndex, text: string): WordMatch[] {
  const cap = index.columns.maxId + 1;
  return queryWords(text).map((word) => {
    const names = new Bitset(cap);
    const exactNames = new Bitset(cap);
    index.nameWords.forPrefix(word, (ids, length, w) => {
      names.addAll(ids, length);
      if (w === word) exactNames.addAll(ids, length);
    });
    const dirs = new Uint8Array(index.columns.dirs.length);
    index.dirWords.forPrefix(word, (ids, length) => {
      for (let i = 0; i < length; i++) dirs[ids[i]!] = 1;
    });
    let tags: Bitset | null = null;
    index.tagWords.forPrefix(word, (tagIds, length) => {
      for (let i = 0; i < length; i++) {
        const members = index.tagMembers.get(tagIds[i]!);
        if (!members) continue;
        tags ??= new Bitset(cap);
        tags.or(members);
      }
    });
    return { names, exactNames, dirs, tags };
  });
}

/** Relevance: whole-word name hits count most, then prefix name hits, tags, folders. */
export function wordScore(m: WordMatch, id: number, dirId: number): number {
  if (m.exactNames.has(id)) return 4;
  if (m.names.has(id)) return 3;
  if (m.tags?.has(id)) return 2;
  if (m.dirs[dirId] === 1) return 1;
  return 0;
}
