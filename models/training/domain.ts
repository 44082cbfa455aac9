import type { ManifestEntry } from './manifestTypes';

/**
 * The recording a sample comes from: its hydrogen kit, its speech voice, its type of
 * synthesised effect, otherwise its source (one soundfont, freepats, lmms, Sonic Pi). train_model.py balances its training draws over these within
 * each class, so that one large soundfont does not decide what a kick sounds like.
 * Augmented copies keep the source and group of their original, so they share its domain.
 */
export function domainOf(e: Pick<ManifestEntry, 'source' | 'group'>): string {
  if (e.source === 'hydrogen' || e.source === 'speech') return e.group;
  // a type of synthesised effect (riser, impact, ui …), not its seed block
  if (e.source === 'synthfx') return e.group.replace(/:b\d+$/, '');
  return e.source;
}
