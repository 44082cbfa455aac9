import { describe, expect, it } from 'vitest';
import { ONE_SHOT_CLASSES } from '../../shared/taxonomy';
import { gmProgramClass, gmPrograms } from './gmMapping';
import { fnv1a, renderGroup, splitOfGroup, TEST_GROUPS, VAL_GROUPS, valPrograms } from './split';

describe('split by group', () => {
  it('uses a fixed hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('never lists a group as both test and validation', () => {
    expect(TEST_GROUPS.filter((g) => VAL_GROUPS.includes(g))).toEqual([]);
  });

  it('holds out about a quarter of each tonal class’s programs, the same programs for every training soundfont', () => {
    const val = valPrograms();
    const classes = new Set(gmPrograms().map((p) => gmProgramClass(p)?.cls));
    for (const cls of classes) {
      const programs = gmPrograms().filter((p) => gmProgramClass(p)?.cls === cls);
      const held = programs.filter((p) => val.has(p));
      expect(held.length).toBeGreaterThanOrEqual(1);
      expect(held.length).toBeLessThan(programs.length);
    }
    for (const p of gmPrograms()) {
      const want = val.has(p) ? 'val' : 'train';
      expect(splitOfGroup(renderGroup('fluidr3', p))).toBe(want);
      expect(splitOfGroup(renderGroup('musescore', p))).toBe(want);
      expect(splitOfGroup(renderGroup('timgm6mb', p))).toBe('test');
      expect(splitOfGroup(`freepats:gm${p}`)).toBe(want);
    }
  });

  it('puts whole sources in one split', () => {
    expect(splitOfGroup(renderGroup('timgm6mb', null))).toBe('test');
    expect(splitOfGroup(renderGroup('fluidr3', null))).toBe('train');
    expect(splitOfGroup('freepats:drums')).toBe('train');
    expect(splitOfGroup('kit:TR808EmulationKit')).toBe('test');
    expect(splitOfGroup('kit:black-pearl')).toBe('val');
    expect(splitOfGroup('kit:BJA_Pacific')).toBe('train');
    expect(splitOfGroup('lmms:drums')).toBe('test');
    expect(splitOfGroup('lmms:basses')).toBe('train');
    const other = ['x', 'y', 'z', 'w'].map((g) => splitOfGroup(`other:${g}`));
    expect(other.every((s) => ['train', 'val', 'test'].includes(s))).toBe(true);
    expect(splitOfGroup('other:x')).toBe(splitOfGroup('other:x'));
  });

  it('maps GM programs and percussion to taxonomy classes', () => {
    for (const p of gmPrograms()) expect(ONE_SHOT_CLASSES).toContain(gmProgramClass(p)?.cls);
    expect(gmProgramClass(33)?.cls).toBe('bass');
    expect(gmProgramClass(47)).toBeNull(); // timpani
    expect(gmProgramClass(91)?.cls).toBe('pad');
    expect(gmProgramClass(53)?.cls).toBe('vocal');
  });
});
