/**
 * Describe a sound, offline: turns free text ("dark punchy kick", "120 bpm bass loop in
 * A minor", "like Kick_808") into search constraints using the local vocabulary. It
 * returns what it understood, phrase by phrase, and the words it did not, so the UI can
 * say so. Pure: no I/O, no model, no network.
 */
import type { DescribeParse, SimilarAspect } from '../contract/similar';
import { formatKey, parseKey, parsePitchClass } from '../music';
import type { DescriptorTag, OneShotClass } from '../taxonomy';
import { LOOP_CLASS_OF, MAX_PHRASE_WORDS, VOCABULARY, type Meaning } from './vocabulary';

const MODE_WORDS = new Set(['minor', 'min', 'm', 'major', 'maj']);
const MAX_WORDS = new Set(['under', 'below', 'max', 'maximum', '<', 'shorter', 'within', 'upto']);
const MIN_WORDS = new Set(['over', 'above', 'min', 'minimum', '>', 'longer', 'least']);
const TEMPO_LEAD = new Set(['at', 'around', 'about', 'tempo', 'approx', '~']);
const LIKE_LEADS = [['sounds', 'like'], ['similar', 'to'], ['like']];

function tokenize(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/[“”"']/g, ' ')
    // "120-128" and "120 to 128" → one range token; "8-bar" → "8 bar"
    .replace(/(\d+(?:\.\d+)?)\s*(?:-|–|\.\.|to)\s*(\d+(?:\.\d+)?)/g, '$1..$2')
    .replace(/(\d)(bpm|ms|s|sec|secs|seconds?|bars?)\b/g, '$1 $2')
    .replace(/(?<![\d.])-|-(?![\d])/g, ' ');
  return t.split(/[\s,;:!?()[\]{}/]+/).filter(Boolean);
}

function num(token: string | undefined): number | null {
  if (token === undefined || !/^\d+(?:\.\d+)?$/.test(token)) return null;
  return Number(token);
}

function range(token: string | undefined): [number, number] | null {
  const m = token === undefined ? null : /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)$/.exec(token);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= b ? [a, b] : [b, a];
}

const SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};

/** Key in one or two tokens at i: "A minor", "F#m", "Ebmaj", "in C". Returns [key, words used]. */
function keyAt(tokens: string[], i: number, afterIn: boolean): [string, number] | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (/^[a-g][#♯b♭]?$/.test(t) && next !== undefined && MODE_WORDS.has(next) && next !== 'm') {
    const key = parseKey(`${t} ${next}`);
    if (key) return [formatKey(key), 2];
  }
  // One token: "f#m", "am", "ebmaj", "c#min"; a bare letter only after "in" / "key of".
  const one = /^([a-g][#♯b♭]?)(m|min|maj|minor|major)?$/.exec(t);
  if (one && (one[2] !== undefined || afterIn || /[#♯♭]/.test(t))) {
    if (one[2] === undefined && !afterIn && t.length === 2 && t.endsWith('b')) return null;
    const pc = parsePitchClass(one[1]!);
    const key = pc === null ? null : parseKey(t);
    if (key) return [formatKey(key), 1];
  }
  return null;
}

function describeMeaning(m: Meaning): string {
  switch (m.type) {
    case 'class':
      return `class ${m.value}`;
    case 'loopClass':
      return `loop class ${m.value}`;
    case 'kind':
      return m.value;
    case 'tag':
      return `tag ${m.value}`;
    case 'length':
      return `${m.value} sound`;
    case 'tempo':
      return `${m.value} tempo`;
    case 'aspect':
      return `similar ${m.value}`;
    case 'name':
      return `name word "${m.value}"`;
    default:
      return m.type;
  }
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

export function emptyParse(text: string): DescribeParse {
  return {
    text,
    classes: [],
    loopClasses: [],
    excludeClasses: [],
    kind: null,
    tags: [],
    avoidTags: [],
    nameWords: [],
    bpm: null,
    key: null,
    durationSec: null,
    length: null,
    bars: null,
    like: null,
    aspects: [],
    understood: [],
    unparsed: [],
  };
}

/** Longest vocabulary phrase starting at i: [phrase, meanings] or null. */
function phraseAt(tokens: string[], i: number): [string, readonly Meaning[]] | null {
  for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 1; n--) {
    const phrase = tokens.slice(i, i + n).join(' ');
    const meanings = VOCABULARY.get(phrase);
    if (meanings) return [phrase, meanings];
  }
  return null;
}

/** True when every token is something the vocabulary or the number/key rules understand. */
function allKnown(tokens: string[]): boolean {
  return tokens.every(
    (t, i) =>
      VOCABULARY.has(t) ||
      num(t) !== null ||
      range(t) !== null ||
      MODE_WORDS.has(t) ||
      keyAt(tokens, i, true) !== null ||
      t === 'bpm',
  );
}

/** Splits off a "like <name>" / "similar to <name>" clause; returns the tokens before it. */
function likeClause(tokens: string[], raw: string, out: DescribeParse): string[] {
  for (let i = 0; i < tokens.length; i++) {
    for (const lead of LIKE_LEADS) {
      if (!lead.every((w, j) => tokens[i + j] === w)) continue;
      const rest = tokens.slice(i + lead.length);
      if (rest.length === 0) continue;
      const idWords = rest[0] === 'id' ? 2 : 1;
      const id = /^#?(\d+)$/.exec(rest[idWords - 1] ?? '');
      if (id) {
        out.like = { id: Number(id[1]) };
        const used = [...lead, ...rest.slice(0, idWords)].join(' ');
        out.understood.push({ text: used, meaning: `similar to sample #${id[1]}` });
        return [...tokens.slice(0, i), ...rest.slice(idWords)];
      }
      if (allKnown(rest)) continue;
      // Keep the user's spelling of the name (after the lead words) for the lookup.
      const leadRe = new RegExp(`\\b${lead.join('\\s+')}\\s+`, 'i');
      const m = leadRe.exec(raw);
      const name = (m ? raw.slice(m.index + m[0].length) : rest.join(' '))
        .replace(/^["'“]|["'”]$/g, '')
        .trim();
      out.like = { name };
      out.understood.push({ text: [...lead, ...rest].join(' '), meaning: `similar to "${name}"` });
      return tokens.slice(0, i);
    }
  }
  return tokens;
}

export function parseDescription(text: string): DescribeParse {
  const out = emptyParse(text);
  const tokens = likeClause(tokenize(text), text, out);
  const classes = new Set<OneShotClass>();
  let negate = false;
  let i = 0;
  const understood = (words: number, meaning: string) =>
    out.understood.push({ text: tokens.slice(i, i + words).join(' '), meaning });

  while (i < tokens.length) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];

    // Tempo: "120 bpm", "bpm 120", "120..128 bpm", "at 120".
    const n = num(t);
    const r = range(t);
    if ((n !== null || r !== null) && next === 'bpm') {
      setBpm(out, n, r);
      understood(2, bpmText(out));
      i += 2;
      continue;
    }
    if (t === 'bpm' && (num(next) !== null || range(next) !== null)) {
      setBpm(out, num(next), range(next));
      understood(2, bpmText(out));
      i += 2;
      continue;
    }
    if (n !== null && prev !== undefined && TEMPO_LEAD.has(prev) && n >= 40 && n <= 300) {
      setBpm(out, n, null);
      understood(1, bpmText(out));
      i += 1;
      continue;
    }
    // Length: "2 s", "500 ms", "under 1 second", "4 bars".
    if ((n !== null || r !== null) && next !== undefined && SECONDS[next] !== undefined) {
      const unit = SECONDS[next]!;
      const q = [tokens[i - 2], prev].filter((x): x is string => x !== undefined);
      const isMax = q.some((w) => MAX_WORDS.has(w) || w === 'less');
      const isMin = q.some((w) => MIN_WORDS.has(w) || w === 'more');
      if (r) out.durationSec = { min: r[0] * unit, max: r[1] * unit };
      else if (isMax) out.durationSec = { max: n! * unit };
      else if (isMin) out.durationSec = { min: n! * unit };
      else out.durationSec = { min: n! * unit * 0.75, max: n! * unit * 1.25 };
      understood(2, `length ${durationText(out.durationSec)}`);
      negate = false;
      i += 2;
      continue;
    }
    if (n !== null && next !== undefined && /^bars?$/.test(next)) {
      out.bars = n;
      out.kind ??= 'loop';
      understood(2, `${n} bars`);
      i += 2;
      continue;
    }
    // Key.
    const key = keyAt(tokens, i, prev === 'in' || prev === 'of');
    if (key) {
      out.key = key[0];
      understood(key[1], `key ${key[0]}`);
      i += key[1];
      continue;
    }
    // Vocabulary.
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      const [p, meanings] = phrase;
      const words = p.split(' ').length;
      const notes: string[] = [];
      for (const m of meanings) {
        const note = apply(out, classes, m, negate);
        if (note) notes.push(note);
      }
      if (meanings.some((m) => m.type === 'negate')) negate = true;
      else if (!meanings.every((m) => m.type === 'stop')) negate = false;
      if (notes.length > 0) understood(words, notes.join(', '));
      i += words;
      continue;
    }
    if (!MAX_WORDS.has(t) && !MIN_WORDS.has(t) && t !== 'than' && t !== 'up') out.unparsed.push(t);
    i += 1;
  }
  out.classes = [...classes];
  // A loop of one-shot instruments is a loop of their content class ("kick loop" → drums).
  if (out.kind === 'loop') {
    for (const c of out.classes) pushUnique(out.loopClasses, LOOP_CLASS_OF[c]);
  }
  return out;
}

function setBpm(out: DescribeParse, n: number | null, r: [number, number] | null): void {
  if (r) out.bpm = { min: r[0], max: r[1], target: (r[0] + r[1]) / 2 };
  else if (n !== null) {
    const tol = Math.max(2, n * 0.03);
    out.bpm = { min: Math.max(1, n - tol), max: Math.min(999, n + tol), target: n };
  }
}

function bpmText(out: DescribeParse): string {
  const b = out.bpm!;
  return `tempo ${round(b.min)}–${round(b.max)} BPM`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function durationText(d: { min?: number; max?: number }): string {
  if (d.min !== undefined && d.max !== undefined) return `${round(d.min)}–${round(d.max)} s`;
  return d.min !== undefined ? `≥ ${round(d.min)} s` : `≤ ${round(d.max!)} s`;
}

/** Applies one meaning; returns how to describe it, or null for filler. */
function apply(
  out: DescribeParse,
  classes: Set<OneShotClass>,
  m: Meaning,
  negate: boolean,
): string | null {
  switch (m.type) {
    case 'class':
      if (negate) {
        pushUnique(out.excludeClasses, m.value);
        return `not class ${m.value}`;
      }
      classes.add(m.value);
      return describeMeaning(m);
    case 'loopClass':
      pushUnique(out.loopClasses, m.value);
      return describeMeaning(m);
    case 'kind':
      if (negate) {
        out.kind = m.value === 'loop' ? 'one-shot' : 'loop';
        return `not ${m.value}`;
      }
      out.kind = m.value;
      return describeMeaning(m);
    case 'tag':
      return tagMeaning(out, m.value, negate);
    case 'length':
      out.length = negate ? (m.value === 'long' ? 'short' : 'long') : m.value;
      return `${out.length} sound`;
    case 'tempo':
      out.bpm =
        (m.value === 'fast') !== negate
          ? { min: 135, max: 300, target: null }
          : { min: 40, max: 100, target: null };
      return bpmText(out);
    case 'aspect':
      pushUnique(out.aspects, m.value satisfies SimilarAspect);
      return describeMeaning(m);
    case 'name':
      pushUnique(out.nameWords, m.value);
      return describeMeaning(m);
    default:
      return null;
  }
}

function tagMeaning(out: DescribeParse, tag: DescriptorTag, negate: boolean): string {
  if (negate) {
    pushUnique(out.avoidTags, tag);
    out.tags = out.tags.filter((t) => t !== tag);
    return `not ${tag}`;
  }
  pushUnique(out.tags, tag);
  return `tag ${tag}`;
}
