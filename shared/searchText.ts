/**
 * Turns names and paths into the words the full-text index stores, and user text
 * into words to look up. "BigKick_808-Hard.wav" is indexed as
 * "bigkick big kick 808 hard", so "kick", "808" and "bigk" all find it.
 */

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Splits one alphanumeric run at camelCase and letter/digit boundaries. */
export function splitWord(run: string): string[] {
  const parts = run
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(' ')
    .filter((p) => p.length > 0);
  return parts;
}

/** Index text for a file name, folder path or tag list (lower-case, space-separated). */
export function indexText(text: string): string {
  const out: string[] = [];
  for (const match of text.matchAll(WORD_RUN)) {
    const run = match[0];
    const lower = run.toLowerCase();
    out.push(lower);
    const parts = splitWord(run);
    if (parts.length > 1) for (const p of parts) out.push(p.toLowerCase());
  }
  return out.join(' ');
}

/** The words of a user's query, lower-cased, split like the index does. */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD_RUN)) out.push(match[0].toLowerCase());
  return out;
}

/** An FTS5 MATCH expression: every word must match as a prefix (implicit AND). */
export function ftsMatchExpression(text: string): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

/** File name without its extension. */
export function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
