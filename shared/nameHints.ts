import type { NameHints } from './contract/library';
import { normalizeKey, parseKey, parseNoteName, formatKey } from './music';

/**
 * BPM, key, root note and one-shot/loop flags written into sample file and folder names
 * the way producers write them: "Loop_120bpm_Am.wav", "120 BPM - F#min - Bass.wav",
 * "DnB_174_Break.wav", "Bass_C2.wav", "Keys - Ebm - 90.wav".
 *
 * Precision over recall: a wrong BPM is worse than none. So a bare number is a BPM only
 * in a loop context (a loop word in the name or folders) or beside an explicit key, and
 * only when it is the single candidate; drum-machine numbers (808, 909) fall outside the
 * 60–200 range anyway; a lone letter is never a key unless it follows "key"; "Am" after
 * "I" is English; "FM"/"EBM" (upper-case M) are not keys. The file name wins over its
 * folders, and nearer folders over farther ones. Pure: no Node imports.
 */

const LOOP_WORDS = new Set([
  'loop',
  'loops',
  'break',
  'breaks',
  'groove',
  'grooves',
  'beat',
  'beats',
]);
const ONE_SHOT_WORDS = new Set(['hit', 'hits', 'shot', 'shots', 'oneshot', 'oneshots']);
/** Drum words: a letter-digit token beside them is a variation label ("Snare A2"), not a note. */
const PERCUSSION_WORDS = new Set([
  'kick',
  'kicks',
  'bd',
  'snare',
  'snares',
  'sd',
  'hat',
  'hats',
  'hihat',
  'hihats',
  'hh',
  'clap',
  'claps',
  'cymbal',
  'crash',
  'ride',
  'tom',
  'toms',
  'perc',
  'percussion',
  'rim',
  'rimshot',
  'shaker',
  'snap',
  'kit',
  'drum',
  'drums',
]);
/** Words naming one drum strike: a file named so holds a hit (nameHints' drumHit). */
const STRIKE_WORDS = new Set([
  'kick',
  'bd',
  'snare',
  'sd',
  'tom',
  'clap',
  'crash',
  'rim',
  'rimshot',
  'cymbal',
  'hihat',
]);
/** Words before a number that make it an index, not a tempo ("Vol 100", "Take 72"). */
const INDEX_WORDS = new Set([
  'vol',
  'volume',
  'part',
  'pt',
  'no',
  'nr',
  'take',
  'kit',
  'pack',
  'track',
  'v',
  'ver',
  'version',
  'chapter',
  'episode',
  'ep',
  'bank',
  'preset',
  'patch',
  'program',
  'top',
]);
/** Words after a number that give it another unit ("100 Hz", "120 ms", "16 bars"). */
const UNIT_WORDS = new Set([
  'hz',
  'khz',
  'ms',
  's',
  'sec',
  'bar',
  'bars',
  'beat',
  'beats',
  'st',
  'nd',
  'rd',
  'th',
  'x',
  'percent',
  'db',
  'k',
  'kbps',
  'bit',
  'bits',
]);
const MODE_WORDS = /^(maj|major|min|minor)$/i;
const EXPLICIT_BPM_RANGE: [number, number] = [30, 300];
const BARE_BPM_RANGE: [number, number] = [60, 200];
/** How many folder levels above the file are read. */
const MAX_FOLDERS = 6;

interface LevelHints {
  explicitBpm?: number;
  /** Bare-number BPM candidates (distinct values). */
  bare: number[];
  key?: string;
  rootMidi?: number;
  loop: boolean;
  oneShot: boolean;
  /** The level names one drum strike (STRIKE_WORDS). */
  strike: boolean;
  /** True when the level is nothing but numbers, keys and notes (a folder like "Am 120"). */
  onlyMusic: boolean;
}

/**
 * The folders' hints, nearest first. A batch names many files of one folder: the last
 * folders read are kept (read-only values, so the result is the same).
 */
const folderCache = new Map<string, readonly LevelHints[]>();
const FOLDER_CACHE_SIZE = 256;

function folderLevels(dirPath: string): readonly LevelHints[] {
  let levels = folderCache.get(dirPath);
  if (levels === undefined) {
    levels = dirPath
      .split(/[\\/]+/)
      .filter((s) => s.length > 0)
      .slice(-MAX_FOLDERS)
      .reverse()
      .map((segment) => readLevel(tokenize(segment)));
    if (folderCache.size >= FOLDER_CACHE_SIZE) folderCache.clear();
    folderCache.set(dirPath, levels);
  }
  return levels;
}

export function nameHints(fileName: string, dirPath: string): NameHints {
  const file = readLevel(tokenize(stripExtension(fileName)));
  const folders = folderLevels(dirPath);
  const out: NameHints = {};

  // Loop / one-shot: the nearest level that says exactly one of them decides.
  for (const level of [file, ...folders]) {
    if (level.loop !== level.oneShot) {
      if (level.loop) out.loop = true;
      else out.oneShot = true;
      break;
    }
  }
  const loopContext = out.loop === true;
  if (file.strike && !file.loop) out.drumHit = true;

  const bpm =
    pickBpm(file, loopContext, true) ??
    firstDefined(folders, (f) => pickBpm(f, loopContext, false));
  if (bpm !== undefined) out.bpm = bpm;
  const key = file.key ?? firstDefined(folders, (f) => f.key);
  if (key !== undefined) out.key = key;
  const rootMidi =
    file.rootMidi ?? firstDefined(folders, (f) => (f.onlyMusic ? f.rootMidi : undefined));
  if (rootMidi !== undefined) out.rootMidi = rootMidi;
  return out;
}

function firstDefined<T, R>(items: readonly T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const value = pick(item);
    if (value !== undefined) return value;
  }
  return undefined;
}

function pickBpm(level: LevelHints, loopContext: boolean, isFile: boolean): number | undefined {
  if (level.explicitBpm !== undefined) return level.explicitBpm;
  if (level.bare.length !== 1) return undefined;
  // In a folder name, a bare number only counts when the folder is just numbers and keys.
  if (!isFile && !level.onlyMusic) return undefined;
  return loopContext || level.key !== undefined ? level.bare[0] : undefined;
}

/** Removes a file extension (".wav", ".aiff"), but not a decimal part ("Loop 87.5"). */
function stripExtension(name: string): string {
  return name.replace(/\.(?=[^.]*[A-Za-z])[A-Za-z0-9]{1,5}$/, '');
}

/**
 * Splits a name into words: at spaces, underscores, dashes and punctuation (keeping
 * decimal points and "#"), and at lower→upper case changes ("DrumLoop" → Drum, Loop).
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_\-;:()[\]{}+&=~'"!?@/\\|*<>^`]+|(?<!\d)[.,]|[.,](?!\d)/)
    .filter((t) => t.length > 0);
}

function readLevel(tokens: string[]): LevelHints {
  const lower = tokens.map((t) => t.toLowerCase());
  const level: LevelHints = {
    bare: [],
    loop: lower.some((t) => LOOP_WORDS.has(t)),
    oneShot: lower.some((t) => ONE_SHOT_WORDS.has(t)) || hasOneShotPhrase(lower),
    strike: lower.some((t) => STRIKE_WORDS.has(t)),
    onlyMusic: tokens.length > 0,
  };
  const percussive = lower.some((t) => PERCUSSION_WORDS.has(t));
  const keys = new Set<string>();
  const notes = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const l = lower[i] ?? '';
    const prev = lower[i - 1];
    const next = lower[i + 1];
    let musical = false;

    const explicit = explicitBpm(t, l, prev, next);
    if (explicit !== undefined) {
      level.explicitBpm ??= explicit;
      musical = true;
    } else if (l === 'bpm') {
      musical = true;
    } else if (/^[1-9]\d{1,2}(?:[.,]\d{1,2})?$/.test(t)) {
      const value = Number(t.replace(',', '.'));
      const indexLike = prev !== undefined && INDEX_WORDS.has(prev);
      const unit = next !== undefined && UNIT_WORDS.has(next);
      if (inRange(value, BARE_BPM_RANGE) && !indexLike && !unit && !level.bare.includes(value)) {
        level.bare.push(value);
      }
      musical = true;
    }

    const key = keyAt(tokens, lower, i);
    if (key !== undefined) {
      keys.add(key.key);
      if (key.consumed === 2) i++;
      musical = true;
    } else if (!percussive && !(prev !== undefined && INDEX_WORDS.has(prev))) {
      const note = /^[A-Ga-g][#♯b♭]?-?\d$/.test(t) ? parseNoteName(t) : null;
      if (note !== null) {
        notes.add(note);
        musical = true;
      }
    }
    if (!musical && l !== 'key' && l !== 'of') level.onlyMusic = false;
  }
  // Two different keys or notes in one name: ambiguous, keep neither.
  if (keys.size === 1) level.key = [...keys][0];
  if (notes.size === 1) level.rootMidi = [...notes][0];
  return level;
}

function hasOneShotPhrase(lower: string[]): boolean {
  for (let i = 0; i + 1 < lower.length; i++) {
    if (lower[i] === 'one' && (lower[i + 1] === 'shot' || lower[i + 1] === 'shots')) return true;
  }
  return false;
}

function inRange(value: number, [min, max]: [number, number]): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** "120bpm", "bpm120", "120 bpm", "bpm 120", "87.5BPM". */
function explicitBpm(
  t: string,
  l: string,
  prev: string | undefined,
  next: string | undefined,
): number | undefined {
  let text: string | undefined;
  const suffix =
    /^(\d{2,3}(?:[.,]\d{1,2})?)bpm$/.exec(l) ?? /^bpm(\d{2,3}(?:[.,]\d{1,2})?)$/.exec(l);
  if (suffix) text = suffix[1];
  else if (/^\d{2,3}(?:[.,]\d{1,2})?$/.test(t) && (next === 'bpm' || prev === 'bpm')) text = t;
  if (text === undefined) return undefined;
  const value = Number(text.replace(',', '.'));
  return inRange(value, EXPLICIT_BPM_RANGE) ? Math.round(value * 100) / 100 : undefined;
}

/**
 * A key starting at token i: "Am", "F#m", "Ebm" (upper-case tonic, or a sharp), "Cmaj",
 * "F#min", "Aminor", "A# min", "C Major", or anything parseKey reads after "key" / "key of"
 * (including a lone letter). Returns the key and how many tokens it used.
 */
function keyAt(
  tokens: string[],
  lower: string[],
  i: number,
): { key: string; consumed: 1 | 2 } | undefined {
  const t = tokens[i] ?? '';
  const prev = lower[i - 1];
  const afterKeyWord = prev === 'key' || (prev === 'of' && lower[i - 2] === 'key');
  if (afterKeyWord) {
    const next = tokens[i + 1];
    if (next !== undefined && MODE_WORDS.test(next) && /^[A-Ga-g][#♯b♭]?$/.test(t)) {
      const two = normalizeKey(`${t} ${next.toLowerCase()}`);
      if (two !== null) return { key: two, consumed: 2 };
    }
    const parsed = parseKey(t);
    if (parsed !== null) return { key: formatKey(parsed), consumed: 1 };
  }
  if (/^(?:[A-G][#♯b♭]?|[a-g][#♯])m$/.test(t) && prev !== 'i') {
    const key = normalizeKey(t);
    if (key !== null) return { key, consumed: 1 };
  }
  if (/^[A-Ga-g][#♯b♭]?(?:maj|major|min|minor)$/i.test(t)) {
    const m = /^([A-Ga-g][#♯b♭]?)(.*)$/.exec(t);
    const key = m ? normalizeKey(`${m[1]} ${(m[2] ?? '').toLowerCase()}`) : null;
    if (key !== null) return { key, consumed: 1 };
  }
  const next = tokens[i + 1];
  if (/^[A-Ga-g][#♯b♭]?$/.test(t) && next !== undefined && MODE_WORDS.test(next)) {
    const key = normalizeKey(`${t} ${next.toLowerCase()}`);
    if (key !== null) return { key, consumed: 2 };
  }
  return undefined;
}
