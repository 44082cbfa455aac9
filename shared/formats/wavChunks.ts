import type { EmbeddedMetadata } from '../contract';
import { embeddedFromFields, plausibleBpm, type TagFields } from './embedded';
import { decodeLoose } from './text';
import { f32, fourCC, u16be, u16le, u32be, u32le, utf8 } from './bytes';

/**
 * Readers for the WAV metadata chunks sample libraries use: `acid` (ACID loop info),
 * `smpl` (sampler root note and loops), `LIST`/`INFO` (text tags), `iXML` and `bext`.
 * Each takes the chunk body and returns what it could read; malformed bodies give {}.
 */

const ACID_ONE_SHOT = 0x01;
const ACID_ROOT_SET = 0x02;

/**
 * ACID chunk (24 bytes): flags, root note, two unknown fields, number of beats, meter,
 * tempo (float). The root note only counts when its flag is set; a one-shot's tempo and
 * beats are meaningless and are dropped, and so is a loop flag without a plausible tempo.
 */
export function parseAcid(body: Uint8Array, le = true): EmbeddedMetadata {
  if (body.length < 24) return {};
  const u32 = (o: number) => (le ? u32le(body, o) : u32be(body, o));
  const u16 = (o: number) => (le ? u16le(body, o) : u16be(body, o));
  const flags = u32(0);
  const root = u16(4);
  const beats = u32(12);
  const tempo = le ? f32(body, 20, true) : f32(body, 20, false);
  const oneShot = (flags & ACID_ONE_SHOT) !== 0;
  const out: EmbeddedMetadata = {};
  if (flags & ACID_ROOT_SET && root <= 127) out.rootMidi = root;
  if (oneShot) {
    out.oneShot = true;
    return out;
  }
  // A "loop" without a usable tempo is a default chunk (tools write tempo 0): trust nothing
  // of its rhythm, not even that it is a loop.
  const bpm = plausibleBpm(tempo);
  if (bpm === undefined) return out;
  out.oneShot = false;
  out.bpm = bpm;
  if (beats > 0 && beats < 100_000) out.beats = beats;
  return out;
}

const MAX_LOOPS = 64;

/**
 * Sampler chunk: MIDI unity note and sustain loops. Two unity notes are treated as unset:
 * 0 (no real sample is rooted at C-1) and 60 in a chunk without loops (the default that
 * trackers and editors write into every file, drum hits included). Loop ends are stored
 * exclusive (`endFrame` = last frame + 1).
 */
export function parseSmpl(body: Uint8Array, le = true): EmbeddedMetadata {
  if (body.length < 36) return {};
  const u32 = (o: number) => (le ? u32le(body, o) : u32be(body, o));
  const out: EmbeddedMetadata = {};
  const unity = u32(12);
  const declared = u32(28);
  const count = Math.min(declared, Math.floor((body.length - 36) / 24), MAX_LOOPS);
  const loops: Array<{ startFrame: number; endFrame: number }> = [];
  for (let i = 0; i < count; i++) {
    const at = 36 + i * 24;
    const start = u32(at + 8);
    const end = u32(at + 12);
    if (end >= start) loops.push({ startFrame: start, endFrame: end + 1 });
  }
  if (loops.length > 0) out.loops = loops;
  // 60 without loops is the default trackers and editors write into every file.
  if (unity >= 1 && unity <= 127 && (unity !== 60 || loops.length > 0)) out.rootMidi = unity;
  return out;
}

const INFO_FIELDS: Record<string, keyof TagFields> = {
  INAM: 'title',
  IART: 'artist',
  IPRD: 'album',
  ICMT: 'comment',
  IGNR: 'genre',
  ISFT: 'software',
  IKEY: 'keywords',
};

/** LIST chunk of type INFO: sub-chunks of NUL-terminated text, each padded to even size. */
export function parseListInfo(body: Uint8Array, le = true): EmbeddedMetadata {
  if (body.length < 4 || fourCC(body, 0) !== 'INFO') return {};
  const fields: TagFields = {};
  let pos = 4;
  while (pos + 8 <= body.length) {
    const id = fourCC(body, pos);
    const size = le ? u32le(body, pos + 4) : u32be(body, pos + 4);
    const start = pos + 8;
    const end = Math.min(body.length, start + size);
    const field = INFO_FIELDS[id];
    if (field !== undefined) fields[field] ??= decodeLoose(body.subarray(start, end));
    pos = start + size + (size & 1);
  }
  return embeddedFromFields(fields);
}

/** iXML (and ASWG inside it) element names we read, upper case, to our fields. */
const IXML_FIELDS: Array<[RegExp, keyof TagFields]> = [
  [/<(BPM|TEMPO)>([^<]*)</i, 'bpm'],
  [/<(KEY|MUSICAL_KEY|MUSICALKEY|INKEY)>([^<]*)</i, 'key'],
  [/<(TITLE|SONGTITLE)>([^<]*)</i, 'title'],
  [/<(ARTIST)>([^<]*)</i, 'artist'],
  [/<(GENRE)>([^<]*)</i, 'genre'],
  [/<(NOTE|NOTES|DESCRIPTION)>([^<]*)</i, 'comment'],
  [/<(KEYWORDS)>([^<]*)</i, 'keywords'],
];

/** iXML: just the tempo, key, title and note-like fields, if present. */
export function parseIxml(body: Uint8Array): EmbeddedMetadata {
  const xml = utf8(body);
  const fields: TagFields = {};
  for (const [re, field] of IXML_FIELDS) {
    const m = re.exec(xml);
    if (m?.[2] !== undefined) fields[field] = unescapeXml(m[2]);
  }
  return embeddedFromFields(fields);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Broadcast WAV `bext`: description (256 bytes) and originator (32 bytes). */
export function parseBext(body: Uint8Array): EmbeddedMetadata {
  if (body.length < 288) return {};
  return embeddedFromFields({
    comment: decodeLoose(body.subarray(0, 256)),
    software: decodeLoose(body.subarray(256, 288)),
  });
}
