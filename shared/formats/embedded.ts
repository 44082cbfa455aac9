import type { EmbeddedMetadata } from '../contract';
import { formatKey, normalizeKey } from '../music';
import { cleanText } from './text';

/** The EmbeddedMetadata fields that container formats also carry as text tags. */
type TextField = keyof Pick<
  EmbeddedMetadata,
  'bpm' | 'key' | 'title' | 'artist' | 'album' | 'genre' | 'comment' | 'software' | 'keywords'
>;

/**
 * Textual tag fields as the container formats name them, already mapped to our names: the
 * raw text of the EmbeddedMetadata field each becomes (embeddedFromFields parses it).
 */
export type TagFields = { [F in TextField]?: string };

/** A BPM is only believed between 20 and 999; rounded to 2 decimals. */
export function plausibleBpm(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 20 || value > 999) return undefined;
  return Math.round(value * 100) / 100;
}

/** "120", "120.5", "120,5", "120 BPM" → number; anything else → undefined. */
export function bpmFromText(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:bpm)?\s*$/i.exec(text);
  if (!m || m[1] === undefined) return undefined;
  return plausibleBpm(Number(m[1].replace(',', '.')));
}

/**
 * A key tag in any spelling tools write: "Am", "A minor", "F#MIN", "Ebm", "C", Camelot
 * ("8A") or Open Key ("1m"). Off-key markers ("o", "none") give undefined.
 */
export function keyFromText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t.length === 0 || t.length > 16) return undefined;
  return normalizeKey(t) ?? wheelKey(t);
}

/** Camelot ("8A" = A minor, "8B" = C major) and Open Key ("1m" = A minor, "1d" = C major). */
function wheelKey(text: string): string | undefined {
  const m = /^(1[0-2]|0?[1-9])\s*([abdm])$/i.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const n = Number(m[1]);
  const letter = m[2].toLowerCase();
  // Steps of a fifth from the wheel's origin (Camelot 8B = C major; Open Key 1d = C major).
  const steps = letter === 'a' || letter === 'b' ? n - 8 : n - 1;
  const majorTonic = (((steps * 7) % 12) + 12) % 12;
  const minor = letter === 'a' || letter === 'm';
  return formatKey(
    minor ? { tonic: (majorTonic + 9) % 12, mode: 'minor' } : { tonic: majorTonic, mode: 'major' },
  );
}

/** Splits a keywords tag ("drums; loop, dry") into distinct trimmed words. */
export function splitKeywords(text: string | undefined): string[] | undefined {
  const clean = cleanText(text);
  if (clean === undefined) return undefined;
  const words = [
    ...new Set(
      clean
        .split(/[;,]/)
        .map((w) => w.trim())
        .filter((w) => w.length > 0),
    ),
  ];
  return words.length > 0 ? words : undefined;
}

/** Maps text fields to metadata, dropping implausible BPMs and unparseable keys. */
export function embeddedFromFields(fields: TagFields): EmbeddedMetadata {
  const out: EmbeddedMetadata = {};
  const bpm = bpmFromText(fields.bpm);
  if (bpm !== undefined) out.bpm = bpm;
  const key = keyFromText(fields.key);
  if (key !== undefined) out.key = key;
  for (const name of ['title', 'artist', 'album', 'genre', 'comment', 'software'] as const) {
    const value = cleanText(fields[name]);
    if (value !== undefined) out[name] = value;
  }
  const keywords = splitKeywords(fields.keywords);
  if (keywords !== undefined) out.keywords = keywords;
  return out;
}

/**
 * Merges metadata from several sources of one file, earlier sources winning field by
 * field (so callers list the most specific source first, e.g. acid before ID3 before INFO).
 */
export function mergeEmbedded(...sources: Array<EmbeddedMetadata | undefined>): EmbeddedMetadata {
  const out: EmbeddedMetadata = {};
  for (const src of sources) {
    if (src === undefined) continue;
    for (const k of Object.keys(src) as Array<keyof EmbeddedMetadata>) {
      if (out[k] === undefined && src[k] !== undefined) {
        (out as Record<string, unknown>)[k] = src[k];
      }
    }
  }
  return out;
}
