/** A satisfiable byte range of a file of `size` bytes (inclusive end). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses an HTTP Range header for a single range (what audio elements send when
 * seeking): "bytes=100-", "bytes=100-199", "bytes=-500". Returns null when there is
 * no usable header (serve the whole file) and 'unsatisfiable' for a range past the end.
 */
export function parseRange(
  header: string | null | undefined,
  size: number,
): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
