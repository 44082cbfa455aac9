import { describe, expect, it } from 'vitest';
import {
  beatSeconds,
  intervalBetween,
  keyShift,
  stretchRatio,
  syncPlan,
  type SyncSubject,
} from './sync';

const on = { enabled: true, bpm: 120, key: 'C major' };
const loop: SyncSubject = { kind: 'loop', bpm: 100, key: null, rootNote: null, class: 'drums' };

describe('sync audition maths', () => {
  it('folds tempo ratios by octaves', () => {
    expect(stretchRatio(100, 120)).toBeCloseTo(1.2);
    expect(stretchRatio(170, 85)).toBe(1);
    expect(stretchRatio(85, 174)).toBeCloseTo(174 / 170);
    expect(stretchRatio(140, 70)).toBe(1);
    expect(stretchRatio(0, 120)).toBe(1);
  });

  it('transposes by the smallest interval, matching modes through the relative key', () => {
    expect(intervalBetween(0, 7)).toBe(-5);
    expect(intervalBetween(0, 6)).toBe(6);
    expect(intervalBetween(9, 0)).toBe(3);
    expect(keyShift({ tonic: 9, mode: 'minor' }, { tonic: 0, mode: 'major' })).toBe(0);
    expect(keyShift({ tonic: 2, mode: 'minor' }, { tonic: 9, mode: 'minor' })).toBe(-5);
  });

  it('plays as recorded when sync is off', () => {
    expect(syncPlan(loop, { ...on, enabled: false })).toMatchObject({ engine: 'direct', rate: 1 });
  });

  it('stretches loops to the project tempo and transposes tonal loops', () => {
    expect(syncPlan(loop, on)).toMatchObject({ engine: 'stretch', semitones: 0 });
    expect(syncPlan(loop, on).rate).toBeCloseTo(1.2);
    const bass = { ...loop, class: 'bass', key: 'D minor', bpm: 120 } as const;
    expect(syncPlan(bass, { ...on, key: 'A minor' })).toMatchObject({
      engine: 'stretch',
      rate: 1,
      semitones: -5,
    });
    expect(syncPlan({ ...loop, bpm: null }, on).engine).toBe('direct');
  });

  it('repitches tonal one-shots like a sampler and leaves drums alone', () => {
    const bass: SyncSubject = {
      kind: 'one-shot',
      bpm: null,
      key: null,
      rootNote: 'A1',
      class: 'bass',
    };
    const plan = syncPlan(bass, on);
    expect(plan).toMatchObject({ engine: 'repitch', semitones: 3 });
    expect(plan.rate).toBeCloseTo(2 ** (3 / 12));
    expect(syncPlan({ ...bass, rootNote: 'C2' }, on)).toMatchObject({
      engine: 'direct',
      semitones: 0,
    });
    expect(
      syncPlan({ ...bass, key: 'E minor', rootNote: null }, { ...on, key: 'A minor' }).semitones,
    ).toBe(5);
    expect(syncPlan(bass, { ...on, key: null }).note).toMatch(/no project key/);
    const kick: SyncSubject = {
      kind: 'one-shot',
      bpm: null,
      key: null,
      rootNote: 'C1',
      class: 'kick',
    };
    expect(syncPlan(kick, on).engine).toBe('direct');
    const unknown: SyncSubject = {
      kind: null,
      bpm: null,
      key: 'G major',
      rootNote: null,
      class: null,
    };
    expect(syncPlan(unknown, on).semitones).toBe(5);
    expect(syncPlan({ ...unknown, key: 'garbage' }, on).engine).toBe('direct');
  });

  it('clicks the metronome on the beat', () => {
    expect(beatSeconds(120)).toBe(0.5);
    expect(beatSeconds(5)).toBe(3);
  });
});
