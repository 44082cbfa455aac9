const cache = new Map<number, Float64Array>();

/** Periodic Hann window (cached per size). */
export function hann(size: number): Float64Array {
  let w = cache.get(size);
  if (!w) {
    w = new Float64Array(size);
    for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
    cache.set(size, w);
  }
  return w;
}
