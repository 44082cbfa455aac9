import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AVL_KITS } from './avlKits';
import { renderJob, trimmedLength } from './render';
import {
  drumGroove,
  loopClassOf,
  planAvlKit,
  planGmDrums,
  LONG_NOTE_CLASSES,
  planLongNotes,
  planLoops,
  planMelodic,
  spreadKeys,
  type RenderJob,
} from './renderPlan';

function checkSlots(job: RenderJob): void {
  const names = new Set(job.segments.map((s) => s.name));
  expect(names.size).toBe(job.segments.length);
  job.segments.forEach((s, i) => {
    expect(s.endMs).toBeGreaterThan(s.startMs);
    if (i > 0)
      expect(s.startMs).toBeGreaterThanOrEqual((job.segments[i - 1] as { endMs: number }).endMs);
  });
}

describe('render plans', () => {
  it("plans long held notes of the ringing classes only, in their programs' groups", () => {
    const job = planLongNotes('fluidr3', '/x.sf2');
    checkSlots(job);
    expect(job.segments.length).toBeGreaterThan(30);
    const labels = new Set(job.segments.map((s) => s.label));
    expect([...labels].sort()).toEqual([...LONG_NOTE_CLASSES].sort());
    for (const s of job.segments) {
      expect(s.program).not.toBeNull();
      expect(s.endMs - s.startMs).toBeGreaterThanOrEqual(7000);
      expect(s.name).toMatch(/^long-p\d{3}-k\d+\.wav$/);
    }
    const holds = job.events.filter((e) => e.type === 'noteOff').length;
    expect(holds).toBe(job.segments.length);
    // no name clashes with the short notes of the same soundfont
    const short = new Set(
      planMelodic('fluidr3', '/x.sf2').flatMap((j) => j.segments.map((s) => s.name)),
    );
    expect(job.segments.some((s) => short.has(s.name))).toBe(false);
  });

  it('spreads keys over a range', () => {
    expect(spreadKeys(28, 52, 4)).toEqual([28, 36, 44, 52]);
    expect(spreadKeys(40, 50, 1)).toEqual([45]);
  });

  it('plans melodic notes, drum kits and loops with non-overlapping slots', () => {
    const melodic = planMelodic('sf', '/x.sf2');
    expect(melodic.reduce((n, j) => n + j.segments.length, 0)).toBe(102 * 12);
    const bass = melodic.find((j) => j.id === 'sf/bass');
    expect(bass?.segments.every((s) => s.label === 'bass' && s.kind === 'one-shot')).toBe(true);
    const drums = planGmDrums('sf', '/x.sf2');
    expect(drums.segments.filter((s) => s.label === 'kick')).toHaveLength(7 * 2 * 3);
    const loops = planLoops('sf', '/x.sf2');
    expect(loops.flatMap((j) => j.segments).every((s) => s.kind === 'loop')).toBe(true);
    for (const job of [...melodic, drums, ...loops, planAvlKit(AVL_KITS[0]!)]) checkSlots(job);
    expect(loopClassOf('pad')).toBe('melodic');
    expect(loopClassOf('tom')).toBe('drums');
    expect(loopClassOf('vocal')).toBe('vocal');
    expect(drumGroove(3).some(([, key]) => key === 49)).toBe(true);
  });

  it('labels AVL keys from their sample names', () => {
    const job = planAvlKit(AVL_KITS[0]!);
    const label = (key: number) => job.segments.find((s) => s.name === `k${key}-v80.wav`)?.label;
    expect([label(36), label(38), label(42), label(49), label(41), label(56)]).toEqual([
      'kick',
      'snare',
      'hihat',
      'cymbal',
      'tom',
      'percussion',
    ]);
  });
});

describe('renderJob (fluidsynth)', () => {
  it('trims trailing silence and drops silent segments', () => {
    const x = new Float32Array(44100);
    x.fill(0.5, 0, 1000);
    expect(trimmedLength([x], 44100)).toBe(1000 + 441);
    expect(trimmedLength([new Float32Array(100)], 44100)).toBe(0);
  });

  it('renders a small job into one trimmed WAV per note, and reuses the cache', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sm-render-'));
    const job: RenderJob = {
      id: 'fluidr3/test',
      soundfont: '/usr/share/sounds/sf2/FluidR3_GM.sf2',
      events: [
        { tick: 0, type: 'tempo', microsPerQuarter: 1_000_000 },
        { tick: 0, type: 'program', channel: 0, program: 33 },
        { tick: 0, type: 'noteOn', channel: 0, key: 40, velocity: 100 },
        { tick: 500, type: 'noteOff', channel: 0, key: 40 },
        { tick: 2000, type: 'program', channel: 9, program: 0 },
        { tick: 2000, type: 'noteOn', channel: 9, key: 36, velocity: 100 },
        { tick: 2100, type: 'noteOff', channel: 9, key: 36 },
      ],
      segments: [
        {
          name: 'bass.wav',
          startMs: 0,
          endMs: 2000,
          kind: 'one-shot',
          label: 'bass',
          program: 33,
          detail: '',
        },
        {
          name: 'kick.wav',
          startMs: 2000,
          endMs: 4000,
          kind: 'one-shot',
          label: 'kick',
          program: null,
          detail: '',
        },
        {
          name: 'silent.wav',
          startMs: 4000,
          endMs: 4500,
          kind: 'one-shot',
          label: 'fx',
          program: null,
          detail: '',
        },
      ],
    };
    const out = await renderJob(job, root);
    expect(out.map((r) => r.segment.name)).toEqual(['bass.wav', 'kick.wav']);
    for (const r of out) {
      const bytes = readFileSync(r.path);
      expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
      const frames = (bytes.length - 44) / 4;
      expect(frames).toBeGreaterThan(1000);
      expect(frames).toBeLessThan(44100 * 2); // trimmed below the 2 s slot
    }
    const mtime = statSync(out[0]!.path).mtimeMs;
    const again = await renderJob(job, root);
    expect(again.map((r) => r.path)).toEqual(out.map((r) => r.path));
    expect(statSync(again[0]!.path).mtimeMs).toBe(mtime);
  });
});
