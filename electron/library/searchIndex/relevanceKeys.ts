import type { SampleColumns } from './columns';
import type { SortPoint } from './sortOrder';
import { MAX_TERM_SCORE, termScore, type TermMatch } from './textMatch';

/** 256^6: name keys pack six characters. */
const NAME_KEY_SPAN = 2 ** 48;

let levels = new Uint8Array(0);
let bestIds = new Int32Array(0);

/**
 * Copies to `bestIds` the rows where every term scores the most a term can (the typed word whole
 * in the name, 7); returns how many. One bit per term and row, no branch on the data.
 */
function bestRows(words: readonly TermMatch[], ids: Int32Array, length: number): number {
  const sets = words.map((t) => t.exact?.exactNames ?? null);
  if (sets.some((s) => s === null)) return 0;
  if (bestIds.length < length) bestIds = new Int32Array(Math.max(length, bestIds.length * 2));
  const raw = sets.map((s) => s!.raw);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    const w = id >>> 5;
    let all = 1;
    for (const bits of raw) all &= w < bits.length ? (bits[w]! >>> (id & 31)) & 1 : 0;
    bestIds[n] = id;
    n += all;
  }
  return n;
}

/**
 * The score (sum of term scores) a relevance sort key stands for, or -1 when the key is
 * not one this module writes (a hand-made cursor): then nothing is left out.
 */
function scoreOfKey(key: number, packName: boolean): number {
  if (!Number.isFinite(key) || key > 0) return -1;
  const score = packName ? Math.floor(-key / NAME_KEY_SPAN) : -key;
  return Number.isInteger(score) ? score : -1;
}

/**
 * Scores the candidates `ids[0..length)` for relevance order and writes each kept row's sort
 * key into `scores[id]` (read by sortOrder 'score'); returns how many rows it kept, compacted
 * to the front of `ids` in id order.
 *
 * Scores are small integers, so one pass also counts the rows of each score: only rows whose
 * score is at least the highest score that `k` rows (after `after`) reach can be on the page,
 * and only those are kept. A very common word ("loop": hundreds of thousands of rows, a
 * hundred thousand of them with the word whole in the name) then leaves the page selection a
 * few of its score levels, not every row. Rows of equal score keep their order (name, then id).
 *
 * While the sum of scores stays below 32, the name key (48 bits) fits below the score in one
 * exact double, so rows of equal score come out in name order and only names sharing their
 * first six letters need comparing.
 */
export function relevanceKeys(
  c: SampleColumns,
  words: readonly TermMatch[],
  ids: Int32Array,
  length: number,
  k: number,
  after: SortPoint | null,
  scores: Float64Array,
): number {
  const packName = words.length * MAX_TERM_SCORE < 32;
  const maxScore = words.length * MAX_TERM_SCORE;
  const nameKey = c.nameKey;
  if (after === null) {
    const best = bestRows(words, ids, length);
    if (best >= k) {
      // The page is among the rows that score the most there is: the others need no score.
      ids.set(bestIds.subarray(0, best));
      const s = maxScore;
      for (let i = 0; i < best; i++) {
        const id = ids[i]!;
        scores[id] = packName ? s * NAME_KEY_SPAN + (NAME_KEY_SPAN - 1 - nameKey[id]!) : s;
      }
      return best;
    }
  }
  if (levels.length < length) levels = new Uint8Array(Math.max(length, levels.length * 2));
  const count = new Int32Array(maxScore + 1);
  const dirId = c.dirId;
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    let s = 0;
    for (const t of words) s += termScore(t, id, dirId[id]!);
    levels[i] = s;
    count[s]!++;
  }

  // Rows scoring above the cursor's score come before it; rows of its score may come after it.
  const afterScore = after === null ? maxScore + 1 : scoreOfKey(after.key, packName);
  let cut = 0;
  if (afterScore >= 0) {
    let below = 0;
    for (let s = Math.min(afterScore - 1, maxScore); s >= 0; s--) {
      below += count[s]!;
      if (below >= k) {
        cut = s;
        break;
      }
    }
  }
  const top = afterScore >= 0 ? Math.min(afterScore, maxScore) : maxScore;

  let w = 0;
  for (let i = 0; i < length; i++) {
    const s = levels[i]!;
    if (s < cut || s > top) continue;
    const id = ids[i]!;
    ids[w++] = id;
    scores[id] = packName ? s * NAME_KEY_SPAN + (NAME_KEY_SPAN - 1 - nameKey[id]!) : s;
  }
  return w;
}
