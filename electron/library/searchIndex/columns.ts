import { indexText } from '../../../shared/searchText';

/** The columns of one sample as read from SQLite for the in-memory index. */
export type IndexRow = [
  id: number,
  folderId: number,
  dir: string,
  name: string,
  format: string,
  kind: string | null,
  cls: string | null,
  bpm: number | null,
  keyCode: number | null,
  duration: number | null,
  lufs: number | null,
  rating: number,
  favorite: number,
  missing: number,
  analysis: string,
  addedAt: number,
  size: number,
  classTier: string | null,
];

export const INDEX_ROW_SQL = `SELECT id, folder_id, dir, name, format, kind, class, bpm, key_code, duration, lufs,
  rating, favorite, missing, analysis_status, added_at, size, class_tier FROM samples`;

export const FORMATS = ['wav', 'aiff', 'flac', 'ogg', 'mp3'] as const;
/** Alphabetical, so that code order is sort order. */
export const KINDS = ['loop', 'one-shot'] as const;
export const ANALYSIS = ['pending', 'running', 'done', 'failed'] as const;

type NumericArray =
  Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

function grow<T extends NumericArray>(arr: T, size: number, fill?: number): T {
  if (arr.length >= size) return arr;
  const Ctor = arr.constructor as new (n: number) => T;
  const out = new Ctor(Math.max(size, arr.length * 2));
  if (fill !== undefined) out.fill(fill);
  out.set(arr);
  return out;
}

/** Packs the first six characters (ASCII-lower-cased, others clamped) for fast name ordering. */
export function nameSortKey(lower: string): number {
  let key = 0;
  for (let i = 0; i < 6; i++)
    key = key * 256 + (i < lower.length ? Math.min(lower.charCodeAt(i), 255) : 0);
  return key;
}

/** Lower-cases A–Z only: the same folding as SQLite's NOCASE collation. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * Compares as `asciiLower(a)` vs `asciiLower(b)` with `<` would (UTF-16 code units,
 * A–Z folded), without building the lower-cased strings: -1, 0 or 1.
 */
export function compareAsciiNoCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Typed-array columns indexed directly by sample id, plus interned folders ("dirs")
 * and classes. NaN / -1 stand for NULL.
 */
export class SampleColumns {
  maxId = 0;
  count = 0;
  present = new Uint8Array(0);
  folderId = new Int32Array(0);
  dirId = new Int32Array(0);
  format = new Uint8Array(0);
  kind = new Int8Array(0);
  cls = new Int16Array(0);
  /** 1 where the class is the model's guess (tier 'guess'). */
  classGuess = new Uint8Array(0);
  bpm = new Float64Array(0);
  keyCode = new Int8Array(0);
  duration = new Float64Array(0);
  lufs = new Float64Array(0);
  rating = new Uint8Array(0);
  favorite = new Uint8Array(0);
  missing = new Uint8Array(0);
  analysis = new Uint8Array(0);
  addedAt = new Float64Array(0);
  size = new Float64Array(0);
  nameKey = new Float64Array(0);
  userTags = new Uint16Array(0);
  names: string[] = [];

  /** Interned "<folderId>\0<dir>" → dir id, and back. */
  readonly dirIds = new Map<string, number>();
  readonly dirs: Array<{ folderId: number; dir: string; words: string[] }> = [];
  readonly classCodes = new Map<string, number>();
  readonly classNames: string[] = [];

  private ensure(id: number): void {
    if (id < this.present.length) return;
    const n = id + 1;
    this.present = grow(this.present, n);
    this.folderId = grow(this.folderId, n);
    this.dirId = grow(this.dirId, n);
    this.format = grow(this.format, n);
    this.kind = grow(this.kind, n, -1);
    this.cls = grow(this.cls, n, -1);
    this.classGuess = grow(this.classGuess, n);
    this.bpm = grow(this.bpm, n, Number.NaN);
    this.keyCode = grow(this.keyCode, n, -1);
    this.duration = grow(this.duration, n, Number.NaN);
    this.lufs = grow(this.lufs, n, Number.NaN);
    this.rating = grow(this.rating, n);
    this.favorite = grow(this.favorite, n);
    this.missing = grow(this.missing, n);
    this.analysis = grow(this.analysis, n);
    this.addedAt = grow(this.addedAt, n);
    this.size = grow(this.size, n);
    this.nameKey = grow(this.nameKey, n);
    this.userTags = grow(this.userTags, n);
  }

  internDir(folderId: number, dir: string): number {
    const key = `${folderId}\0${dir}`;
    let id = this.dirIds.get(key);
    if (id === undefined) {
      id = this.dirs.length;
      this.dirs.push({ folderId, dir, words: indexText(dir).split(' ').filter(Boolean) });
      this.dirIds.set(key, id);
    }
    return id;
  }

  internClass(name: string): number {
    let code = this.classCodes.get(name);
    if (code === undefined) {
      code = this.classNames.length;
      this.classNames.push(name);
      this.classCodes.set(name, code);
    }
    return code;
  }

  /** Sort rank of each class code (alphabetical by name). */
  classRanks(): Int16Array {
    const order = this.classNames
      .map((n, code) => ({ n, code }))
      .sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
    const ranks = new Int16Array(this.classNames.length);
    order.forEach((o, rank) => (ranks[o.code] = rank));
    return ranks;
  }

  /** Writes a row; returns the previous name when the row existed (for re-indexing words). */
  set(row: IndexRow): string | undefined {
    const [
      id,
      folderId,
      dir,
      name,
      format,
      kind,
      cls,
      bpm,
      keyCode,
      duration,
      lufs,
      rating,
      favorite,
      missing,
      analysis,
      addedAt,
      size,
      classTier,
    ] = row;
    this.ensure(id);
    const previous = this.present[id] === 1 ? this.names[id] : undefined;
    if (this.present[id] !== 1) this.count++;
    this.present[id] = 1;
    if (id > this.maxId) this.maxId = id;
    this.folderId[id] = folderId;
    this.dirId[id] = this.internDir(folderId, dir);
    this.format[id] = codeOf(FORMATS, format, 255);
    this.kind[id] = kind === null ? -1 : codeOf(KINDS, kind, -1);
    this.cls[id] = cls === null ? -1 : this.internClass(cls);
    this.classGuess[id] = classTier === 'guess' ? 1 : 0;
    this.bpm[id] = bpm ?? Number.NaN;
    this.keyCode[id] = keyCode ?? -1;
    this.duration[id] = duration ?? Number.NaN;
    this.lufs[id] = lufs ?? Number.NaN;
    this.rating[id] = rating;
    this.favorite[id] = favorite;
    this.missing[id] = missing;
    this.analysis[id] = codeOf(ANALYSIS, analysis, 0);
    this.addedAt[id] = addedAt;
    this.size[id] = size;
    this.nameKey[id] = nameSortKey(asciiLower(name));
    this.names[id] = name;
    return previous;
  }

  /** Marks a row deleted; returns its name (for removing its words), if it existed. */
  remove(id: number): string | undefined {
    if (id >= this.present.length || this.present[id] !== 1) return undefined;
    this.present[id] = 0;
    this.count--;
    this.userTags[id] = 0;
    return this.names[id];
  }
}

function codeOf(list: readonly string[], value: string, fallback: number): number {
  const i = list.indexOf(value);
  return i < 0 ? fallback : i;
}
