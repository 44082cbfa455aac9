import { describe, expect, it } from 'vitest';
import { gmPercussionClass, gmProgramClass, gmPrograms } from './gmMapping';

describe('GM mapping', () => {
  it('maps the GM percussion keys', () => {
    expect([35, 36].map(gmPercussionClass)).toEqual(['kick', 'kick']);
    expect([38, 40].map(gmPercussionClass)).toEqual(['snare', 'snare']);
    expect(gmPercussionClass(39)).toBe('clap');
    expect([42, 44, 46].map(gmPercussionClass)).toEqual(['hihat', 'hihat', 'hihat']);
    expect([49, 51, 52, 53, 55, 57, 59].every((k) => gmPercussionClass(k) === 'cymbal')).toBe(true);
    expect([41, 43, 45, 47, 48, 50].every((k) => gmPercussionClass(k) === 'tom')).toBe(true);
    expect([37, 54, 56, 60, 81].every((k) => gmPercussionClass(k) === 'percussion')).toBe(true);
    expect(gmPercussionClass(34)).toBeNull();
    expect(gmPercussionClass(82)).toBeNull();
  });

  it('covers the families of the taxonomy and leaves ambiguous programs out', () => {
    const cls = (p: number) => gmProgramClass(p)?.cls;
    expect([0, 7, 16, 23].map(cls)).toEqual(['keys', 'keys', 'keys', 'keys']);
    expect([24, 31].map(cls)).toEqual(['guitar', 'guitar']);
    expect([32, 39].map(cls)).toEqual(['bass', 'bass']);
    expect([40, 51].map(cls)).toEqual(['strings', 'strings']);
    expect([56, 63].map(cls)).toEqual(['brass', 'brass']);
    expect([64, 79].map(cls)).toEqual(['woodwind', 'woodwind']);
    expect([80, 87].map(cls)).toEqual(['synth', 'synth']);
    expect([88, 95].map(cls)).toEqual(['pad', 'pad']);
    expect([96, 103, 120, 127].map(cls)).toEqual(['fx', 'fx', 'fx', 'fx']);
    expect([8, 15, 47, 55, 104, 119].map(cls)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(gmPrograms()).toHaveLength(102);
    for (const p of gmPrograms()) {
      const c = gmProgramClass(p);
      expect(c && c.low < c.high && c.low >= 0 && c.high <= 127).toBe(true);
    }
  });
});
