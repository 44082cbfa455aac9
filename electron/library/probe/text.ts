/** Small text helpers for header parsing: four-character codes and tag strings. */

const MAX_TEXT = 1000;

/** The four bytes at `offset` as a latin1 string ("RIFF", "fmt "). */
export function fourCC(buf: Buffer, offset: number): string {
  return buf.toString('latin1', offset, offset + 4);
}

/** True when all four bytes look like a chunk id (printable ASCII). */
export function isPrintableId(buf: Buffer, offset: number, length = 4): boolean {
  if (offset + length > buf.length) return false;
  for (let i = offset; i < offset + length; i++) {
    const c = buf[i] ?? 0;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Decodes tag text whose encoding is not declared (RIFF INFO, AIFF NAME, iXML): UTF-8
 * when it is valid UTF-8, else latin1 (what older Windows tools wrote).
 */
export function decodeLoose(buf: Buffer): string {
  const utf8 = buf.toString('utf8');
  return utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
}

/**
 * Normalises a tag value: cuts at the first NUL, trims, collapses control characters,
 * caps the length. Returns undefined for an empty result.
 */
export function cleanText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const nul = text.indexOf('\0');
  // eslint-disable-next-line no-control-regex
  let out = (nul >= 0 ? text.slice(0, nul) : text).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (out.length > MAX_TEXT) out = out.slice(0, MAX_TEXT);
  return out.length > 0 ? out : undefined;
}
