import type { ManifestEntry } from './manifestTypes';

/**
 * The recording a sample comes from: its hydrogen kit, otherwise its source (one soundfont,
 * freepats, lmms, Sonic Pi). train_model.py balances its training draws over these within
 * each class, so that one large soundfont does not decide what a kick sounds like.
 * Augmented copies keep the source and group of their original, so they share its domain.
 */
export function domainOf(e: Pick<ManifestEntry, 'source' | 'group'>): string {
  return e.source === 'hydrogen' ? e.group : e.source;
}
