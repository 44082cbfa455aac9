import type { Speaker } from '../decode/types';

/**
 * BS.1770-4 channel weights G_i: 1.0 for front channels, 1.41 (+1.5 dB) for surround
 * and back channels, 0 for LFE (excluded). Unknown positions count as front (1.0).
 */
export function channelWeight(speaker: Speaker): number {
  switch (speaker) {
    case 'LFE':
      return 0;
    case 'BL':
    case 'BR':
    case 'BC':
    case 'SL':
    case 'SR':
      return 1.41;
    default:
      return 1;
  }
}
