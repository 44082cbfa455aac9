import { fetchPeaks } from '../../api/media';
import { PeaksCache } from './peaksCache';

/** The app's one peaks cache (rows and the player share it). */
export const peaksCache = new PeaksCache({ fetch: (id) => fetchPeaks(id) });
