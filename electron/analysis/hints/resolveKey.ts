import type { ValueSource } from '../../../shared/contract/analysis';
import type { EmbeddedMetadata, NameHints } from '../../../shared/contract/library';
import { formatKey, normalizeKey } from '../../../shared/music';
import type { KeyEstimate } from '../key/estimateKey';

export interface KeyAnswer {
  key: string | null;
  confidence: number | null;
  source: ValueSource | null;
}

/** Key: embedded key, then a key in the name, then the audio estimate (when given). */
export function resolveKey(
  audio: KeyEstimate | null,
  embedded?: EmbeddedMetadata,
  hints?: NameHints,
): KeyAnswer {
  const fromEmbedded = embedded?.key ? normalizeKey(embedded.key) : null;
  if (fromEmbedded) return { key: fromEmbedded, confidence: 0.99, source: 'embedded' };
  const fromName = hints?.key ? normalizeKey(hints.key) : null;
  if (fromName) return { key: fromName, confidence: 0.9, source: 'name' };
  if (!audio) return { key: null, confidence: null, source: null };
  return {
    key: formatKey(audio),
    confidence: Math.round(audio.confidence * 1000) / 1000,
    source: 'audio',
  };
}
