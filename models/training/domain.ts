import type { ManifestEntry } from './manifestTypes';

/**
 * The recording a sample comes from: its hydrogen kit, otherwise its source (one soundfont,
 * freepats, lmms, Sonic Pi, speech, synthesised effects). The speech voices and effect
 * types are one domain each (per voice and per type, the first 2026-12-08 run, they took
 * most of the vocal and fx draws and the GM choirs and effects of test lost recall). train_model.py balances its training draws over these within
 * each class, so that one large soundfont does not decide what a kick sounds like.
 * Augmented copies keep the source and group of their original, so they share its domain.
 */
export function domainOf(e: Pick<ManifestEntry, 'source' | 'group'>): string {
  return e.source === 'hydrogen' ? e.group : e.source;
}
