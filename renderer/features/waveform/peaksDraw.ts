import { levelForWidth, type Peaks } from '../../../shared/peaksCodec';

/**
 * Min/max per pixel column, channels mixed (outer envelope), from the coarsest stored
 * level that has enough buckets. Values in [-1, 1]: [min0, max0, min1, max1, …].
 */
export function envelopeForWidth(peaks: Peaks, width: number): Float32Array {
  const cols = Math.max(1, Math.floor(width));
  const out = new Float32Array(cols * 2);
  const level = levelForWidth(peaks, cols);
  if (!level || level.buckets === 0) return out;
  for (let x = 0; x < cols; x++) {
    const from = Math.floor((x * level.buckets) / cols);
    const to = Math.max(from + 1, Math.floor(((x + 1) * level.buckets) / cols));
    let lo = 127;
    let hi = -127;
    for (const data of level.data) {
      for (let b = from; b < to && b < level.buckets; b++) {
        const mn = data[2 * b]!;
        const mx = data[2 * b + 1]!;
        if (mn < lo) lo = mn;
        if (mx > hi) hi = mx;
      }
    }
    if (hi < lo) lo = hi = 0;
    out[2 * x] = lo / 127;
    out[2 * x + 1] = hi / 127;
  }
  return out;
}

/**
 * Channel data for wavesurfer.js (which draws, per pixel, the extremes of the values
 * it is given): per stored channel, interleaved min/max of the level nearest to
 * `buckets`, scaled to [-1, 1]. Never decodes audio.
 */
export function waveSurferChannels(peaks: Peaks, buckets: number): Float32Array[] {
  const level = levelForWidth(peaks, buckets);
  if (!level) return [new Float32Array(2)];
  return level.data.map((d) => {
    const out = new Float32Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = d[i]! / 127;
    return out;
  });
}

/** Source duration in seconds, from the peaks header. */
export function peaksDuration(peaks: Peaks): number {
  return peaks.sampleRate > 0 ? peaks.frames / peaks.sampleRate : 0;
}
