import type { IndexedWords } from '../../../shared/search/expandQuery';
import type { LibraryIndex } from './libraryIndex';

/**
 * The words the in-memory index holds, as query expansion asks about them: words of
 * names and folders, and words of tags that some sample carries (user or automatic), as
 * the full-text index has them.
 */
export function indexWords(index: LibraryIndex): IndexedWords {
  const tagUsed = (tagIds: Int32Array, length: number): boolean => {
    for (let i = 0; i < length; i++) {
      const members = index.tagMembers.get(tagIds[i]!);
      if (members && !members.isEmpty()) return true;
    }
    return false;
  };
  return {
    hasPrefix: (prefix) =>
      index.nameWords.hasPrefix(prefix) ||
      index.dirWords.hasPrefix(prefix) ||
      index.tagWords.hasPrefix(prefix, tagUsed),
    hasWord: (word) => {
      let found = false;
      const seen = (): void => {
        found = true;
      };
      index.nameWords.forWord(word, seen);
      if (!found) index.dirWords.forWord(word, seen);
      if (!found) index.tagWords.forWord(word, (ids, length) => (found = tagUsed(ids, length)));
      return found;
    },
  };
}
