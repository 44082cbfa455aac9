import { normalizeKey } from '../music';

/** Filters written as words in search text: "120 bpm", "C minor", "loop". */
export interface TypedFilters {
  /** The text left for the name/tag search. */
  text: string;
  /** A tempo written as "120 bpm" / "120bpm" (30–400). */
  bpm?: number;
  /** A key with its mode, normalised ("F# major"). */
  key?: string;
  kind?: 'loop' | 'one-shot';
}

const BPM = /(?:^|\s)(\d{2,3}(?:\.\d+)?)\s*bpm(?=\s|$)/i;
/** "maj" / "min" count once a space follows (they begin "major" / "minor"). */
const KEY = /(?:^|\s)([a-g](?:#|♯|b|♭)?)\s*(major(?=\s|$)|minor(?=\s|$)|maj(?=\s)|min(?=\s))/i;
/** A word that means a kind once a space follows it (so "loopmasters" stays text). */
const KIND = /(?:^|\s)(loops?|one[- ]?shots?)(?=\s)/i;

/**
 * Words in search text that mean a filter: "120 bpm", "C minor" / "F# maj", "loop" /
 * "one-shot". Text still being typed counts a word once a space follows it where the word
 * could still grow ("loop" → "loopmasters", "min" → "minor"); pass `complete` for text that
 * is whole (a command line), where the last word counts too. The rest stays search text. Pure.
 */
export function typedFilters(typed: string, complete = false): TypedFilters {
  let text = complete ? `${typed.trim()} ` : typed;
  const found: Omit<TypedFilters, 'text'> = {};
  const bpm = BPM.exec(text);
  if (bpm) {
    const n = Number(bpm[1]);
    if (n >= 30 && n <= 400) {
      found.bpm = n;
      text = cut(text, bpm);
    }
  }
  const key = KEY.exec(text);
  if (key) {
    const mode = /^min/i.test(key[2]!) ? 'minor' : 'major';
    const name = normalizeKey(`${key[1]!.charAt(0).toUpperCase()}${key[1]!.slice(1)} ${mode}`);
    if (name) {
      found.key = name;
      text = cut(text, key);
    }
  }
  const kind = KIND.exec(text);
  if (kind) {
    found.kind = /^loop/i.test(kind[1]!) ? 'loop' : 'one-shot';
    text = cut(text, kind);
  }
  return { text: complete ? text.trim() : text, ...found };
}

function cut(text: string, m: RegExpExecArray): string {
  const before = text.slice(0, m.index).trimEnd();
  const after = text.slice(m.index + m[0].length);
  // A space typed after the words stays, so the next word does not join the last one.
  if (!after.trim()) return before && after ? `${before} ` : before;
  return before ? `${before} ${after.trimStart()}` : after.trimStart();
}
