import type { EmbeddedMetadata } from '../contract';
import { embeddedFromFields, type TagFields } from './embedded';
import { latin1, u32le, utf8 } from './bytes';

/**
 * Vorbis comments (FLAC VORBIS_COMMENT block, Ogg Vorbis comment header, OpusTags):
 * a little-endian vendor string and a list of "NAME=value" entries; names are case-
 * insensitive. Reads what is complete when the block is cut short.
 */

const FIELDS: Record<string, keyof TagFields> = {
  BPM: 'bpm',
  TBPM: 'bpm',
  TEMPO: 'bpm',
  KEY: 'key',
  INITIALKEY: 'key',
  INITIAL_KEY: 'key',
  TKEY: 'key',
  TITLE: 'title',
  ARTIST: 'artist',
  ALBUM: 'album',
  GENRE: 'genre',
  COMMENT: 'comment',
  DESCRIPTION: 'comment',
  ENCODER: 'software',
  KEYWORDS: 'keywords',
};

const MAX_COMMENTS = 10_000;

/** Parses a comment list starting at `offset` (the vendor length field). */
export function parseVorbisComment(buf: Uint8Array, offset = 0): EmbeddedMetadata {
  const fields: TagFields = {};
  if (offset + 4 > buf.length) return {};
  let pos = offset + 4 + u32le(buf, offset);
  if (pos + 4 > buf.length) return {};
  const count = Math.min(u32le(buf, pos), MAX_COMMENTS);
  pos += 4;
  for (let i = 0; i < count && pos + 4 <= buf.length; i++) {
    const len = u32le(buf, pos);
    const start = pos + 4;
    if (start + len > buf.length) break;
    const eq = buf.indexOf(0x3d, start); // '='
    if (eq > start && eq < start + len) {
      const name = latin1(buf, start, eq).toUpperCase();
      const field = FIELDS[name];
      if (field !== undefined) fields[field] ??= utf8(buf, eq + 1, start + len);
    }
    pos = start + len;
  }
  return embeddedFromFields(fields);
}
