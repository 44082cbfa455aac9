import { normalizeKey } from '../../../shared/music';
import type { FilterState } from '../../lib/searchQuery';

export interface TypedChips {
  /** The text left for the name/tag search. */
  text: string;
  /** Filters the typed words became (only those found). */
  patch: Partial<FilterState>;
}

const BPM = /(?:^|\s)(\d{2,3}(?:\.\d+)?)\s*bpm(?=\s|$)/i;
/** "maj" / "min" count once a space follows (they begin "major" / "minor"). */
const KEY = /(?:^|\s)([a-g](?:#|♯|b|♭)?)\s*(major(?=\s|$)|minor(?=\s|$)|maj(?=\s)|min(?=\s))/i;
/** A word that became a chip once a space follows it (so "loopmasters" stays text). */
const KIND = /(?:^|\s)(loops?|one[- ]?shots?)(?=\s)/i;

/**
 * Words typed in the search box that mean a filter become that filter at once: "120 bpm" (a
 * ±2 BPM range), "C minor" / "F# maj" (a key), "loop" / "one-shot" followed by a space (the
 * kind). The rest stays search text. Pure.
 */
export function typedChips(typed: string): TypedChips {
  let text = typed;
  const patch: Partial<FilterState> = {};
  const bpm = BPM.exec(text);
  if (bpm) {
    const n = Number(bpm[1]);
    if (n >= 30 && n <= 400) {
      patch.bpm = {
        min: Math.max(1, Math.round(n) - 2),
        max: Math.round(n) + 2,
        halfDouble: false,
      };
      text = cut(text, bpm);
    }
  }
  const key = KEY.exec(text);
  if (key) {
    const mode = /^min/i.test(key[2]!) ? 'minor' : 'major';
    const name = normalizeKey(`${key[1]!.charAt(0).toUpperCase()}${key[1]!.slice(1)} ${mode}`);
    if (name) {
      patch.key = { key: name, relation: 'exact' };
      text = cut(text, key);
    }
  }
  const kind = KIND.exec(text);
  if (kind) {
    patch.kind = /^loop/i.test(kind[1]!) ? 'loop' : 'one-shot';
    text = cut(text, kind);
  }
  return { text, patch };
}

function cut(text: string, m: RegExpExecArray): string {
  const before = text.slice(0, m.index).trimEnd();
  const after = text.slice(m.index + m[0].length);
  // A space typed after the chip's words stays, so the next word does not join the last one.
  if (!after.trim()) return before && after ? `${before} ` : before;
  return before ? `${before} ${after.trimStart()}` : after.trimStart();
}
