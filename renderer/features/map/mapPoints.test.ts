import { describe, expect, it } from 'vitest';
import { mapPoints } from './mapPoints';

describe('mapPoints', () => {
  it('turns a similar.map page into points with their names and class names', () => {
    expect(
      mapPoints({
        version: 1,
        total: 2,
        offset: 0,
        ids: [4, 9],
        names: ['Kick 01.wav', 'bd_01.flac'],
        x: [0, 65535],
        y: [10, 20],
        cls: [1, -1],
        classNames: ['kick', 'snare'],
        nextOffset: null,
        pending: false,
      }),
    ).toEqual([
      { id: 4, x: 0, y: 10, name: 'Kick 01.wav', cls: 'snare' },
      { id: 9, x: 65535, y: 20, name: 'bd_01.flac', cls: null },
    ]);
  });
});
