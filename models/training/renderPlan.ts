/**
 * What to render with fluidsynth: one MIDI file per soundfont and GM family (or drum
 * set), each note in its own time slot so that the rendered file can be cut into one
 * sample per note. Everything here is pure and deterministic.
 */
import type { OneShotClass, SampleKind, LoopClass } from '../../shared/taxonomy';
import type { AvlKit } from './avlKits';
import { drumClassOfName } from '../../electron/library/fixtures/drumNames';
import {
  GM_DRUM_KITS,
  GM_FAMILIES,
  gmPercussionClass,
  gmProgramClass,
  gmPrograms,
} from './gmMapping';
import type { MidiEvent } from './smf';

export interface PlannedSegment {
  /** File name of the cut sample (unique within the job). */
  name: string;
  startMs: number;
  endMs: number;
  kind: SampleKind;
  label: OneShotClass | LoopClass;
  /** GM program (melodic) or null (drums). */
  program: number | null;
  detail: string;
}

export interface RenderJob {
  /** `<soundfont id>/<chunk>`: also the folder the samples are written to. */
  id: string;
  soundfont: string;
  events: MidiEvent[];
  segments: PlannedSegment[];
}

export const VELOCITIES = [40, 80, 120] as const;
export const NOTES_PER_PROGRAM = 4;
const DRUM_CHANNEL = 9;

/** `count` keys spread over [low, high], low to high. */
export function spreadKeys(low: number, high: number, count: number): number[] {
  if (count === 1) return [Math.round((low + high) / 2)];
  return Array.from({ length: count }, (_, i) =>
    Math.round(low + ((high - low) * i) / (count - 1)),
  );
}

function holdMs(cls: OneShotClass): number {
  return cls === 'pad' || cls === 'strings' || cls === 'vocal' ? 2500 : 1200;
}

class Timeline {
  readonly events: MidiEvent[] = [{ tick: 0, type: 'tempo', microsPerQuarter: 1_000_000 }];
  readonly segments: PlannedSegment[] = [];
  now = 0;
}

function addNote(
  t: Timeline,
  channel: number,
  key: number,
  velocity: number,
  hold: number,
  slot: number,
  seg: Omit<PlannedSegment, 'startMs' | 'endMs'>,
): void {
  t.events.push({ tick: t.now, type: 'noteOn', channel, key, velocity });
  t.events.push({ tick: t.now + hold, type: 'noteOff', channel, key });
  t.segments.push({ ...seg, startMs: t.now, endMs: t.now + slot });
  t.now += slot;
}

/** One job per GM family that has rendered programs, for the melodic programs of a soundfont. */
export function planMelodic(sfId: string, sfPath: string): RenderJob[] {
  const byFamily = new Map<string, number[]>();
  for (const p of gmPrograms()) {
    const fam = GM_FAMILIES[p >> 3] as string;
    byFamily.set(fam, [...(byFamily.get(fam) ?? []), p]);
  }
  return [...byFamily].map(([family, programs]) => {
    const t = new Timeline();
    for (const program of programs) {
      const pc = gmProgramClass(program);
      if (!pc) continue;
      t.events.push({ tick: t.now, type: 'program', channel: 0, program });
      t.now += 100; // let the program change settle
      const hold = holdMs(pc.cls);
      for (const key of spreadKeys(pc.low, pc.high, NOTES_PER_PROGRAM)) {
        for (const velocity of VELOCITIES) {
          addNote(t, 0, key, velocity, hold, hold + 2500, {
            name: `p${String(program).padStart(3, '0')}-k${key}-v${velocity}.wav`,
            kind: 'one-shot',
            label: pc.cls,
            program,
            detail: `GM program ${program} (${family}), key ${key}, velocity ${velocity}`,
          });
        }
      }
    }
    return { id: `${sfId}/${family}`, soundfont: sfPath, events: t.events, segments: t.segments };
  });
}

/** Classes whose notes ring on when held: rendered again as long notes (`planLongNotes`). */
export const LONG_NOTE_CLASSES: readonly OneShotClass[] = ['keys', 'guitar', 'bass'];
export const LONG_NOTE_KEYS = 3;

/**
 * Long notes of a training soundfont: every program of LONG_NOTE_CLASSES at
 * LONG_NOTE_KEYS keys, velocity 90, held 4–10 s (fixed by program and key) with a 3 s
 * release slot, so that a piano or guitar note that rings for many seconds, as recorded
 * sample packs have them, is in training; the notes of `planMelodic` are held 1.2 s.
 */
export function planLongNotes(sfId: string, sfPath: string): RenderJob {
  const t = new Timeline();
  for (const program of gmPrograms()) {
    const pc = gmProgramClass(program);
    if (!pc || !LONG_NOTE_CLASSES.includes(pc.cls)) continue;
    t.events.push({ tick: t.now, type: 'program', channel: 0, program });
    t.now += 100;
    for (const key of spreadKeys(pc.low + 3, pc.high - 3, LONG_NOTE_KEYS)) {
      const hold = 4000 + ((program * 131 + key * 17) % 7) * 1000;
      addNote(t, 0, key, 90, hold, hold + 3000, {
        name: `long-p${String(program).padStart(3, '0')}-k${key}.wav`,
        kind: 'one-shot',
        label: pc.cls,
        program,
        detail: `GM program ${program}, key ${key}, velocity 90, held ${hold / 1000} s`,
      });
    }
  }
  return { id: `${sfId}/long-notes`, soundfont: sfPath, events: t.events, segments: t.segments };
}

/** One job with every GM percussion key of every GM drum kit of a soundfont. */
export function planGmDrums(sfId: string, sfPath: string): RenderJob {
  const t = new Timeline();
  for (const kit of GM_DRUM_KITS) {
    t.events.push({
      tick: t.now,
      type: 'controller',
      channel: DRUM_CHANNEL,
      controller: 0,
      value: 0,
    });
    t.events.push({ tick: t.now, type: 'program', channel: DRUM_CHANNEL, program: kit.program });
    t.now += 100;
    for (let key = 35; key <= 81; key++) {
      const label = gmPercussionClass(key);
      if (!label) continue;
      for (const velocity of VELOCITIES) {
        addNote(t, DRUM_CHANNEL, key, velocity, 200, 3000, {
          name: `drums-${kit.name}-k${key}-v${velocity}.wav`,
          kind: 'one-shot',
          label,
          program: null,
          detail: `GM drum kit ${kit.program} (${kit.name}), key ${key}, velocity ${velocity}`,
        });
      }
    }
  }
  return { id: `${sfId}/drums`, soundfont: sfPath, events: t.events, segments: t.segments };
}

/** One job for an AVL drumkit soundfont (single preset, played on channel 1). */
export function planAvlKit(kit: AvlKit): RenderJob {
  const t = new Timeline();
  t.events.push({ tick: 0, type: 'program', channel: 0, program: 0 });
  t.now = 100;
  const keys = Object.keys(kit.keys)
    .map(Number)
    .sort((a, b) => a - b);
  for (const key of keys) {
    const name = kit.keys[key] as string;
    const label = drumClassOfName(name);
    if (!label) continue;
    for (const velocity of VELOCITIES) {
      addNote(t, 0, key, velocity, 200, 3000, {
        name: `k${key}-v${velocity}.wav`,
        kind: 'one-shot',
        label,
        program: null,
        detail: `${name}, key ${key}, velocity ${velocity}`,
      });
    }
  }
  return { id: `${kit.id}/kit`, soundfont: kit.path, events: t.events, segments: t.segments };
}

/** Loop content class of a one-shot class (tonal → melodic). */
export function loopClassOf(cls: OneShotClass): LoopClass {
  if (cls === 'bass' || cls === 'vocal' || cls === 'fx') return cls;
  if (['kick', 'snare', 'clap', 'hihat', 'cymbal', 'tom', 'percussion'].includes(cls))
    return 'drums';
  return 'melodic';
}

export const LOOP_TEMPOS = [92, 110, 124, 140] as const;
const STEPS = 32; // two bars of sixteenths

/** [step, semitone offset, length in steps] for each phrase shape. */
const PHRASES: Readonly<Record<string, readonly [number, number, number][]>> = {
  bass: [0, 3, 6, 8, 10, 14, 16, 19, 22, 24, 26, 30].map((s, i) => [
    s,
    [0, 0, 7, 0, 12, 0, 5, 0, 7, 0, 3, 10][i] as number,
    2,
  ]),
  arp: Array.from({ length: 16 }, (_, i) => [
    i * 2,
    [0, 4, 7, 12, 7, 4, 0, 4, 5, 9, 12, 17, 12, 9, 5, 9][i] as number,
    2,
  ]),
  chords: [
    [0, 0, 15],
    [0, 4, 15],
    [0, 7, 15],
    [16, 5, 15],
    [16, 9, 15],
    [16, 12, 15],
  ],
  melody: [
    [0, 0, 6],
    [6, 2, 2],
    [8, 4, 8],
    [16, 7, 6],
    [22, 5, 2],
    [24, 4, 8],
  ],
  hits: [
    [0, 0, 8],
    [12, 5, 4],
    [20, 7, 10],
  ],
};

function phraseFor(cls: OneShotClass, variant: number): readonly [number, number, number][] {
  if (cls === 'bass') return PHRASES.bass as [number, number, number][];
  if (cls === 'pad' || cls === 'strings')
    return (variant === 0 ? PHRASES.chords : PHRASES.melody) as [number, number, number][];
  if (cls === 'vocal' || cls === 'brass' || cls === 'woodwind')
    return PHRASES.melody as [number, number, number][];
  if (cls === 'fx') return PHRASES.hits as [number, number, number][];
  return (variant === 0 ? PHRASES.arp : PHRASES.chords) as [number, number, number][];
}

/** GM keys of drum grooves: [step, key, velocity] over two bars. */
export function drumGroove(variant: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let s = 0; s < STEPS; s++) {
    const beat = s % 4 === 0;
    if (s % 8 === 0 || (variant === 1 && s % 16 === 10)) out.push([s, 36, 115]);
    if (s % 16 === 4 || s % 16 === 12) out.push([s, variant === 2 ? 39 : 38, 110]);
    if (variant === 2 ? s % 4 === 2 : s % 2 === 0)
      out.push([s, s === 14 && variant === 1 ? 46 : 42, beat ? 95 : 70]);
    if (variant === 3 && s >= 26 && s % 2 === 0)
      out.push([s, [50, 48, 45, 43, 41, 41][(s - 26) / 2 + 0] as number, 100]);
  }
  if (variant === 3) out.push([0, 49, 110]);
  return out;
}

/** Rendered loops of a soundfont: two phrases per melodic program, grooves per drum kit. */
export function planLoops(sfId: string, sfPath: string): RenderJob[] {
  const jobs: RenderJob[] = [];
  const t = new Timeline();
  for (const program of gmPrograms()) {
    const pc = gmProgramClass(program);
    if (!pc) continue;
    t.events.push({ tick: t.now, type: 'program', channel: 0, program });
    t.now += 100;
    for (let variant = 0; variant < 2; variant++) {
      const bpm = LOOP_TEMPOS[(program + variant * 2) % LOOP_TEMPOS.length] as number;
      const stepMs = 60000 / bpm / 4;
      const root =
        Math.round((pc.low * 2 + pc.high) / 3) - (pc.cls === 'bass' ? 0 : 5) + variant * 3;
      const start = t.now;
      for (const [step, offset, len] of phraseFor(pc.cls, variant)) {
        const key = Math.max(0, Math.min(127, root + offset));
        const on = start + Math.round(step * stepMs);
        t.events.push({ tick: on, type: 'noteOn', channel: 0, key, velocity: 96 });
        t.events.push({
          tick: on + Math.round(len * stepMs) - 5,
          type: 'noteOff',
          channel: 0,
          key,
        });
      }
      const lengthMs = Math.round(STEPS * stepMs);
      t.segments.push({
        name: `loop-p${String(program).padStart(3, '0')}-${variant}-${bpm}bpm.wav`,
        startMs: start,
        endMs: start + lengthMs,
        kind: 'loop',
        label: loopClassOf(pc.cls),
        program,
        detail: `GM program ${program} phrase ${variant} at ${bpm} BPM (2 bars)`,
      });
      t.now = start + lengthMs + 2500;
    }
  }
  jobs.push({
    id: `${sfId}/loops-melodic`,
    soundfont: sfPath,
    events: t.events,
    segments: t.segments,
  });
  const d = new Timeline();
  for (const kit of GM_DRUM_KITS) {
    d.events.push({
      tick: d.now,
      type: 'controller',
      channel: DRUM_CHANNEL,
      controller: 0,
      value: 0,
    });
    d.events.push({ tick: d.now, type: 'program', channel: DRUM_CHANNEL, program: kit.program });
    d.now += 100;
    for (let variant = 0; variant < 4; variant++) {
      const bpm = LOOP_TEMPOS[(kit.program + variant) % LOOP_TEMPOS.length] as number;
      const stepMs = 60000 / bpm / 4;
      const start = d.now;
      for (const [step, key, velocity] of drumGroove(variant)) {
        const on = start + Math.round(step * stepMs);
        d.events.push({ tick: on, type: 'noteOn', channel: DRUM_CHANNEL, key, velocity });
        d.events.push({ tick: on + 50, type: 'noteOff', channel: DRUM_CHANNEL, key });
      }
      const lengthMs = Math.round(STEPS * stepMs);
      d.segments.push({
        name: `loop-drums-${kit.name}-${variant}-${bpm}bpm.wav`,
        startMs: start,
        endMs: start + lengthMs,
        kind: 'loop',
        label: 'drums',
        program: null,
        detail: `GM drum kit ${kit.program} (${kit.name}) groove ${variant} at ${bpm} BPM (2 bars)`,
      });
      d.now = start + lengthMs + 2500;
    }
  }
  jobs.push({
    id: `${sfId}/loops-drums`,
    soundfont: sfPath,
    events: d.events,
    segments: d.segments,
  });
  return jobs;
}
