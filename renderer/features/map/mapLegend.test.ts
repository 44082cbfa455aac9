import { describe, expect, it } from 'vitest';
import { mapLegend, NO_CLASS_COLOUR } from './mapLegend';

const pts = (...cls: Array<string | null>) => cls.map((c) => ({ cls: c }));

describe('mapLegend', () => {
  it('lists each class once with its count, most points first, the unclassified last', () => {
    const legend = mapLegend(pts('snare', null, 'kick', 'kick', 'hat', 'kick', 'snare', null));
    expect(legend.map((e) => [e.cls, e.count])).toEqual([
      ['kick', 3],
      ['snare', 2],
      ['hat', 1],
      [null, 2],
    ]);
    expect(legend.at(-1)!.colour).toBe(NO_CLASS_COLOUR);
  });

  it('gives every class its own colour, the same whatever order the points come in', () => {
    const a = mapLegend(pts('kick', 'snare', 'hat', 'pad', 'bass', 'clap'));
    const b = mapLegend(pts('clap', 'bass', 'pad', 'hat', 'snare', 'kick'));
    expect(new Set(a.map((e) => e.colour)).size).toBe(6);
    const colourOf = (l: typeof a, c: string) => l.find((e) => e.cls === c)!.colour;
    for (const c of ['kick', 'snare', 'hat', 'pad', 'bass', 'clap'])
      expect(colourOf(a, c)).toBe(colourOf(b, c));
    expect(mapLegend([])).toEqual([]);
  });
});
