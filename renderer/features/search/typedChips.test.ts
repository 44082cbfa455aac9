import { describe, expect, it } from 'vitest';
import { typedChips } from './typedChips';

describe('typedChips', () => {
  it('turns "120 bpm" into a BPM range at once', () => {
    expect(typedChips('dark 120 bpm')).toEqual({
      text: 'dark',
      patch: { bpm: { min: 118, max: 122, halfDouble: false } },
    });
    expect(typedChips('90bpm kick').patch.bpm).toEqual({ min: 88, max: 92, halfDouble: false });
    expect(typedChips('120 bp').patch).toEqual({});
  });

  it('turns a key with its mode into a key filter', () => {
    expect(typedChips('pad C minor')).toEqual({
      text: 'pad',
      patch: { key: { key: 'C minor', relation: 'exact' } },
    });
    expect(typedChips('f# maj bass').patch.key).toEqual({ key: 'F# major', relation: 'exact' });
    expect(typedChips('C min ').patch.key?.key).toBe('C minor');
    // Still typing "minor": nothing yet.
    expect(typedChips('techno C min').patch).toEqual({});
    expect(typedChips('c mi').patch).toEqual({});
  });

  it('turns "loop" / "one-shot" into the kind once a space follows', () => {
    expect(typedChips('loop ')).toEqual({ text: '', patch: { kind: 'loop' } });
    expect(typedChips('techno loop ')).toEqual({ text: 'techno ', patch: { kind: 'loop' } });
    expect(typedChips('drum loops 120 bpm').patch).toEqual({
      bpm: { min: 118, max: 122, halfDouble: false },
    });
    expect(typedChips('drum loops techno')).toEqual({
      text: 'drum techno',
      patch: { kind: 'loop' },
    });
    expect(typedChips('one-shot kick').patch.kind).toBe('one-shot');
    expect(typedChips('loopmasters').patch).toEqual({});
    expect(typedChips('loop').patch).toEqual({});
  });

  it('leaves plain words alone', () => {
    expect(typedChips('808 snare')).toEqual({ text: '808 snare', patch: {} });
  });
});
