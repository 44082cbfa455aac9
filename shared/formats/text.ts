import { latin1, utf8 } from './bytes';
/** Small text helpers for header parsing: chunk ids and tag strings. */

const MAX_TEXT = 1000;

/** True when all four bytes look like a chunk id (printable ASCII). */
export function isPrintableId(buf: Uint8Array, offset: number, length = 4): boolean {
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
export function decodeLoose(buf: Uint8Array): string {
  const text = utf8(buf);
  return text.includes('\uFFFD') ? latin1(buf) : text;
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
