import type { EmbeddedMetadata } from '../contract';
import { embeddedFromFields, type TagFields } from './embedded';
import { id3GenreName, resolveTcon } from './id3Genres';
import { cleanText } from './text';
import { latin1, u32be, uintBE, utf16, utf8 } from './bytes';

/**
 * ID3 tag reader shared by the MP3, FLAC, WAV (`id3 ` chunk) and AIFF (`ID3 ` chunk)
 * parsers. Reads the few frames the library cares about (BPM, key, title, artist,
 * album, genre, comment, software) from ID3v2.2/2.3/2.4 and from ID3v1.
 */

export interface Id3v2Header {
  /** Major version: 2, 3 or 4. */
  version: number;
  flags: number;
  /** Bytes of the whole tag: 10-byte header + body (+ 10-byte footer when flagged). */
  totalSize: number;
}

/** Reads an ID3v2 header at `offset`, or null when there is none (or it is malformed). */
export function readId3v2Header(buf: Uint8Array, offset = 0): Id3v2Header | null {
  if (offset + 10 > buf.length) return null;
  if (buf[offset] !== 0x49 || buf[offset + 1] !== 0x44 || buf[offset + 2] !== 0x33) return null;
  const version = buf[offset + 3] ?? 0;
  if (version < 2 || version > 4 || buf[offset + 4] === 0xff) return null;
  const size = syncsafe(buf, offset + 6);
  if (size < 0) return null;
  const flags = buf[offset + 5] ?? 0;
  const footer = version === 4 && (flags & 0x10) !== 0 ? 10 : 0;
  return { version, flags, totalSize: 10 + size + footer };
}

/** A 28-bit "syncsafe" integer (7 bits per byte), or -1 when a byte has its top bit set. */
function syncsafe(buf: Uint8Array, offset: number): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const b = buf[offset + i] ?? 0;
    if (b & 0x80) return -1;
    value = (value << 7) | b;
  }
  return value;
}

/** True when the bytes hold 0xFF 0x00 somewhere. */
function hasFalseSync(buf: Uint8Array): boolean {
  for (let i = buf.indexOf(0xff); i >= 0 && i + 1 < buf.length; i = buf.indexOf(0xff, i + 1)) {
    if (buf[i + 1] === 0x00) return true;
  }
  return false;
}

/** Removes ID3 unsynchronisation (every 0xFF 0x00 becomes 0xFF). */
export function unsynchronise(buf: Uint8Array): Uint8Array {
  if (!hasFalseSync(buf)) return buf;
  const out = new Uint8Array(buf.length);
  let n = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] ?? 0;
    out[n++] = b;
    if (b === 0xff && buf[i + 1] === 0x00) i++;
  }
  return out.subarray(0, n);
}

const V22: Record<string, keyof TagFields | 'COMM' | 'TXXX'> = {
  TBP: 'bpm',
  TKE: 'key',
  TT2: 'title',
  TP1: 'artist',
  TAL: 'album',
  TCO: 'genre',
  TSS: 'software',
  COM: 'COMM',
  TXX: 'TXXX',
};
const V23: Record<string, keyof TagFields | 'COMM' | 'TXXX'> = {
  TBPM: 'bpm',
  TKEY: 'key',
  TIT2: 'title',
  TPE1: 'artist',
  TALB: 'album',
  TCON: 'genre',
  TSSE: 'software',
  COMM: 'COMM',
  TXXX: 'TXXX',
};
/** TXXX descriptions (upper case) some tools use for BPM, key, keywords and comments (ffmpeg). */
const TXXX_FIELDS: Record<string, keyof TagFields> = {
  BPM: 'bpm',
  TEMPO: 'bpm',
  KEY: 'key',
  INITIALKEY: 'key',
  'INITIAL KEY': 'key',
  KEYWORDS: 'keywords',
  COMMENT: 'comment',
  DESCRIPTION: 'comment',
};

/**
 * Parses an ID3v2 tag (`tag` starts with the "ID3" header; it may be cut short, in which
 * case the frames that are complete are read). Never throws on malformed frames: it
 * stops at the first one that does not fit.
 */
export function parseId3v2(tag: Uint8Array): EmbeddedMetadata {
  const header = readId3v2Header(tag);
  if (header === null) return {};
  const { version, flags } = header;
  let body = tag.subarray(10, Math.min(tag.length, header.totalSize));
  if (version < 4 && flags & 0x80) body = unsynchronise(body);
  let pos = 0;
  if (version >= 3 && flags & 0x40) {
    // Extended header: v2.3 size excludes its own 4 bytes, v2.4 size (syncsafe) includes them.
    if (body.length < 4) return {};
    pos = version === 3 ? u32be(body, 0) + 4 : syncsafe(body, 0);
    if (pos < 4 || pos > body.length) return {};
  }
  const idLen = version === 2 ? 3 : 4;
  const headLen = version === 2 ? 6 : 10;
  const names = version === 2 ? V22 : V23;
  const fields: TagFields = {};
  const fallback: TagFields = {};
  let comment: string | undefined;
  while (pos + headLen <= body.length) {
    if (body[pos] === 0) break; // padding
    const id = latin1(body, pos, pos + idLen);
    if (!/^[A-Z0-9]+$/.test(id)) break;
    const size = frameSize(body, pos, version);
    const start = pos + headLen;
    if (size < 0 || start + size > body.length) break;
    const target = names[id];
    const formatFlags = version === 2 ? 0 : (body[pos + 9] ?? 0);
    // Compressed or encrypted frames are skipped (v2.3: 0x80/0x40, v2.4: 0x08/0x04).
    const opaque = (version === 3 && formatFlags & 0xc0) || (version === 4 && formatFlags & 0x0c);
    if (target !== undefined && size > 0 && !opaque) {
      let data = body.subarray(start, start + size);
      if (version === 3 && formatFlags & 0x20) data = data.subarray(1);
      if (version === 4) data = v24FrameData(data, formatFlags);
      if (target === 'COMM') {
        const c = readComment(data);
        if (c !== undefined && (comment === undefined || c.preferred)) comment = c.text;
      } else if (target === 'TXXX') {
        readTxxx(data, fallback);
      } else {
        const text = readTextFrame(data)[0];
        if (text !== undefined) fields[target] = target === 'genre' ? resolveTcon(text) : text;
      }
    }
    pos = start + size;
  }
  if (comment !== undefined) fields.comment = comment;
  for (const [k, v] of Object.entries(fallback) as Array<[keyof TagFields, string]>) {
    fields[k] ??= v;
  }
  return embeddedFromFields(fields);
}

/** Frame size: 24-bit in v2.2, 32-bit in v2.3, syncsafe in v2.4 (plain when a writer got it wrong). */
function frameSize(body: Uint8Array, pos: number, version: number): number {
  if (version === 2) return uintBE(body, pos + 3, 3);
  if (version === 3) return u32be(body, pos + 4);
  const safe = syncsafe(body, pos + 4);
  return safe >= 0 ? safe : u32be(body, pos + 4);
}

/** Skips v2.4 per-frame extras (group byte, data-length indicator) and undoes unsynchronisation. */
function v24FrameData(data: Uint8Array, formatFlags: number): Uint8Array {
  let out = formatFlags & 0x40 ? data.subarray(1) : data; // grouping identity byte
  if (formatFlags & 0x02) out = unsynchronise(out);
  if (formatFlags & 0x01) out = out.subarray(4);
  return out;
}

/** Decodes a text frame (encoding byte + text) into its NUL-separated values. */
function readTextFrame(data: Uint8Array): string[] {
  if (data.length < 2) return [];
  return decodeStrings(data[0] ?? 0, data.subarray(1))
    .map((s) => cleanText(s))
    .filter((s): s is string => s !== undefined);
}

/** COMM: encoding, language (3), short description, text. iTunes' machine comments are skipped. */
function readComment(data: Uint8Array): { text: string; preferred: boolean } | undefined {
  if (data.length < 5) return undefined;
  const [desc = '', ...rest] = decodeStrings(data[0] ?? 0, data.subarray(4));
  if (desc.startsWith('iTun')) return undefined;
  const text = cleanText(rest.join(' '));
  return text === undefined ? undefined : { text, preferred: desc === '' };
}

function readTxxx(data: Uint8Array, into: TagFields): void {
  if (data.length < 2) return;
  const [desc = '', value] = decodeStrings(data[0] ?? 0, data.subarray(1));
  const field = TXXX_FIELDS[desc.trim().toUpperCase()];
  const text = cleanText(value);
  if (field !== undefined && text !== undefined) into[field] ??= text;
}

/**
 * Splits ID3 text in the given encoding (0 latin1, 1 UTF-16 with BOM, 2 UTF-16BE,
 * 3 UTF-8) at its NUL terminators.
 */
export function decodeStrings(encoding: number, bytes: Uint8Array): string[] {
  if (encoding === 1 || encoding === 2) {
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      if (bytes[i] === 0 && bytes[i + 1] === 0) {
        out.push(decodeUtf16(bytes.subarray(start, i), encoding === 2));
        start = i + 2;
      }
    }
    if (start < bytes.length) out.push(decodeUtf16(bytes.subarray(start), encoding === 2));
    return out;
  }
  const text = encoding === 3 ? utf8(bytes) : latin1(bytes);
  const parts = text.split('\0');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function decodeUtf16(bytes: Uint8Array, bigEndianDefault: boolean): string {
  let be = bigEndianDefault;
  let b = bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    be = true;
    b = b.subarray(2);
  } else if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    be = false;
    b = b.subarray(2);
  }
  return utf16(b, be);
}

/** Parses a 128-byte ID3v1 tag ("TAG" + title, artist, album, year, comment, genre), or null. */
export function parseId3v1(buf: Uint8Array): EmbeddedMetadata | null {
  if (buf.length < 128 || latin1(buf, 0, 3) !== 'TAG') return null;
  const field = (from: number, to: number) => latin1(buf, from, to);
  // ID3v1.1: a zero byte at 125 and a track number at 126 end the comment early.
  const commentEnd = buf[125] === 0 && buf[126] !== 0 ? 125 : 127;
  return embeddedFromFields({
    title: field(3, 33),
    artist: field(33, 63),
    album: field(63, 93),
    comment: field(97, commentEnd),
    genre: id3GenreName(buf[127] ?? 255),
  });
}
