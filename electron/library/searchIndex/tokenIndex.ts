import { IdList } from './idList';

/**
 * Words → posting lists of ids, with prefix lookup. New words go to a small
 * unsorted tail that is merged into the sorted word list on the next lookup, so
 * indexing stays O(1) per word and lookups stay O(log n + matches).
 */
export class TokenIndex {
  private readonly postings = new Map<string, IdList>();
  private sorted: string[] = [];
  private tail: string[] = [];

  add(token: string, id: number): void {
    let list = this.postings.get(token);
    if (!list) {
      list = new IdList();
      this.postings.set(token, list);
      this.tail.push(token);
    }
    list.push(id);
  }

  /** Removes `ids` (a set) from the posting lists of `tokens`. */
  remove(tokens: Iterable<string>, ids: { has(id: number): boolean }): void {
    for (const token of tokens) this.postings.get(token)?.removeWhere((id) => ids.has(id));
  }

  get wordCount(): number {
    return this.postings.size;
  }

  /** Calls `visit` with the posting list of every word that starts with `prefix`. */
  forPrefix(prefix: string, visit: (ids: Int32Array, length: number, word: string) => void): void {
    this.mergeTail();
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
      const word = this.sorted[i]!;
      if (!word.startsWith(prefix)) break;
      const list = this.postings.get(word)!;
      if (list.length > 0) visit(list.ids, list.length, word);
    }
  }

  /** Calls `visit` with the posting list of `word` itself, if it has ids. */
  forWord(word: string, visit: (ids: Int32Array, length: number, word: string) => void): void {
    const list = this.postings.get(word);
    if (list && list.length > 0) visit(list.ids, list.length, word);
  }

  /**
   * True when some word starting with `prefix` has ids (and passes `accept`, when given);
   * stops at the first such word.
   */
  hasPrefix(prefix: string, accept?: (ids: Int32Array, length: number) => boolean): boolean {
    this.mergeTail();
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
      const word = this.sorted[i]!;
      if (!word.startsWith(prefix)) return false;
      const list = this.postings.get(word)!;
      if (list.length > 0 && (!accept || accept(list.ids, list.length))) return true;
    }
    return false;
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private mergeTail(): void {
    if (this.tail.length === 0) return;
    const tail = this.tail.sort();
    this.tail = [];
    const out: string[] = new Array<string>(this.sorted.length + tail.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < tail.length)
      out[k++] = this.sorted[i]! <= tail[j]! ? this.sorted[i++]! : tail[j++]!;
    while (i < this.sorted.length) out[k++] = this.sorted[i++]!;
    while (j < tail.length) out[k++] = tail[j++]!;
    this.sorted = out;
  }
}
