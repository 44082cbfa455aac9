/**
 * Turns names and paths into the words the full-text index stores, and user text
 * into words to look up. "BigKick_808-Hard.wav" is indexed as
 * "bigkick big kick 808 hard", so "kick", "808" and "bigk" all find it.
 * Diacritics are dropped ("Café" → "cafe"), as the FTS tokenizer does.
 *
 * A hand-written scanner: this runs for every name when a 1M-sample library loads.
 */

const enum Kind {
  Other = 0,
  Lower = 1,
  Upper = 2,
  /** A letter without case (CJK, …). */
  Letter = 3,
  Digit = 4,
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGIT_CHAR = /\p{N}/u;
const MARK = /\p{M}/gu;

function kindOf(ch: string, code: number): Kind {
  if (code < 128) {
    if (code >= 97 && code <= 122) return Kind.Lower;
    if (code >= 65 && code <= 90) return Kind.Upper;
    if (code >= 48 && code <= 57) return Kind.Digit;
    return Kind.Other;
  }
  if (!WORD_CHAR.test(ch)) return Kind.Other;
  if (DIGIT_CHAR.test(ch)) return Kind.Digit;
  const lower = ch.toLowerCase();
  if (lower !== ch) return Kind.Upper;
  return ch.toUpperCase() !== ch ? Kind.Lower : Kind.Letter;
}

function isLetter(k: Kind): boolean {
  return k === Kind.Lower || k === Kind.Upper || k === Kind.Letter;
}

function fold(text: string): string {
  // Fast path: plain ASCII needs no normalisation.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text)
    ? text
    : text.normalize('NFD').replace(MARK, '').normalize('NFC');
}

/**
 * Calls `emit(word, parts)` for every alphanumeric run of `text` (diacritics
 * removed); `parts` are its camelCase / letter-digit pieces when there is more than one.
 */
function scanRuns(text: string, emit: (run: string, parts: string[] | null) => void): void {
  const s = fold(text);
  const chars = Array.from(s);
  const kinds = chars.map((ch) => kindOf(ch, ch.charCodeAt(0)));
  let i = 0;
  while (i < chars.length) {
    if (kinds[i] === Kind.Other) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && kinds[j] !== Kind.Other) j++;
    const cuts: number[] = [];
    for (let p = i + 1; p < j; p++) {
      const a = kinds[p - 1]!;
      const b = kinds[p]!;
      const c = p + 1 < j ? kinds[p + 1]! : Kind.Other;
      if (
        (a === Kind.Lower && b === Kind.Upper) ||
        (a === Kind.Upper && b === Kind.Upper && c === Kind.Lower) ||
        (isLetter(a) && b === Kind.Digit) ||
        (a === Kind.Digit && isLetter(b))
      ) {
        cuts.push(p);
      }
    }
    const run = chars.slice(i, j).join('');
    if (cuts.length === 0) emit(run, null);
    else {
      const parts: string[] = [];
      let from = i;
      for (const cut of cuts) {
        parts.push(chars.slice(from, cut).join(''));
        from = cut;
      }
      parts.push(chars.slice(from, j).join(''));
      emit(run, parts);
    }
    i = j;
  }
}

/** Splits one alphanumeric run at camelCase and letter/digit boundaries. */
export function splitWord(run: string): string[] {
  const out: string[] = [];
  scanRuns(run, (whole, parts) => out.push(...(parts ?? [whole])));
  return out;
}

/** Index text for a file name, folder path or tag list (lower-case, space-separated). */
export function indexText(text: string): string {
  const out: string[] = [];
  scanRuns(text, (run, parts) => {
    out.push(run.toLowerCase());
    if (parts) for (const p of parts) out.push(p.toLowerCase());
  });
  return out.join(' ');
}

/** The words of a user's query, lower-cased, diacritics removed. */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  scanRuns(text, (run) => out.push(run.toLowerCase()));
  return out;
}

/** File name without its extension. */
export function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
