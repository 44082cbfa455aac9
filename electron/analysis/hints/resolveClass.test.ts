import { describe, expect, it } from 'vitest';
import type { NameClass } from '../../../shared/nameClass';
import type { LoopClass, OneShotClass, SampleClass } from '../../../shared/taxonomy';
import type { SampleClassification } from '../classify/classification';
import { FILE_NAME_CLASS_CONFIDENCE, FOLDER_CLASS_CONFIDENCE, resolveClass } from './resolveClass';

/**
 * What the classifier said: `cls` when confident (tier likely), else null — then the top
 * candidate is given as a guess — and the candidates.
 */
function heard(
  cls: SampleClass | null,
  candidates: Array<[SampleClass, number]>,
  loop = false,
): SampleClassification {
  const top = cls ?? candidates[0]?.[0] ?? null;
  return {
    class: top,
    tier: top === null ? null : cls === null ? 'guess' : 'likely',
    classSource: top === null ? null : 'audio',
    confidence: candidates[0]?.[1] ?? 0,
    candidates: candidates.map(([c, p]) => ({ class: c, p })),
    loopClass: loop ? top : null,
    embedding: new Float32Array([0.5, -1]),
    embeddingVersion: 'test',
  };
}
const named =
  (from: 'file' | 'folder') =>
  (oneShot: OneShotClass | null, loop: LoopClass | null = null): NameClass => ({
    oneShot: oneShot === null ? null : { class: oneShot, from },
    loop: loop === null ? null : { class: loop, from },
  });
const file = named('file');
const folder = named('folder');

describe('resolveClass', () => {
  it('keeps the audio where the name says nothing', () => {
    const a = heard('kick', [
      ['kick', 0.8],
      ['tom', 0.1],
    ]);
    expect(resolveClass(a, 'one-shot', null)).toEqual({ ...a, classSource: 'audio' });
    const unsure = heard(null, [
      ['tom', 0.4],
      ['kick', 0.3],
    ]);
    expect(resolveClass(unsure, 'one-shot', null)).toMatchObject({
      class: 'tom',
      tier: 'guess',
      classSource: 'audio',
    });
    // A loop word alone says nothing about a one-shot.
    expect(resolveClass(a, 'one-shot', file(null, 'drums'))).toMatchObject({
      class: 'kick',
      classSource: 'audio',
    });
  });

  it('takes the file name where the audio is unsure or agrees, keeping its candidates', () => {
    const unsure = heard(null, [
      ['percussion', 0.41],
      ['snare', 0.35],
      ['tom', 0.1],
    ]);
    const r = resolveClass(unsure, 'one-shot', file('snare'));
    expect(r).toMatchObject({
      class: 'snare',
      tier: 'sure',
      classSource: 'name',
      confidence: FILE_NAME_CLASS_CONFIDENCE,
    });
    expect(r.candidates).toEqual(unsure.candidates);
    expect(r.embedding).toBe(unsure.embedding);
    // Agreeing audio that is surer than the name keeps its own confidence.
    const sure = heard('kick', [['kick', 0.97]]);
    expect(resolveClass(sure, 'one-shot', file('kick'))).toMatchObject({
      class: 'kick',
      classSource: 'name',
      confidence: 0.97,
    });
    // Unsure audio that never thought of the class: the name still decides.
    expect(resolveClass(unsure, 'one-shot', file('clap'))).toMatchObject({
      class: 'clap',
      classSource: 'name',
    });
  });

  it('ignores a file name the audio confidently contradicts', () => {
    const vocal = heard('vocal', [
      ['vocal', 0.92],
      ['fx', 0.05],
      ['synth', 0.01],
    ]);
    expect(resolveClass(vocal, 'one-shot', file('kick'))).toEqual({
      ...vocal,
      classSource: 'audio',
    });
    // A candidate the audio gives almost nothing is not heard (a kick named "Vocal Chop").
    const kick = heard('kick', [
      ['kick', 0.92],
      ['clap', 0.022],
      ['vocal', 0.016],
    ]);
    expect(resolveClass(kick, 'one-shot', file('vocal'))).toMatchObject({
      class: 'kick',
      classSource: 'audio',
    });
    // …but not one it has among its candidates.
    const tomOrKick = heard('tom', [
      ['tom', 0.6],
      ['kick', 0.3],
    ]);
    expect(resolveClass(tomOrKick, 'one-shot', file('kick'))).toMatchObject({
      class: 'kick',
      classSource: 'name',
    });
  });

  it('takes a drum class from the file name over another drum class the audio is sure of', () => {
    // hydrogen's Audiophob kit: "86335__zgump__tom-0105.wav", heard as a sure kick.
    const kick = heard('kick', [
      ['kick', 0.91],
      ['clap', 0.03],
      ['vocal', 0.02],
    ]);
    expect(resolveClass(kick, 'one-shot', file('tom'))).toMatchObject({
      class: 'tom',
      tier: 'sure',
      classSource: 'name',
    });
    // A folder is not enough, and a melodic name still does not beat a sure drum.
    expect(resolveClass(kick, 'one-shot', folder('tom'))).toMatchObject({ class: 'kick' });
    expect(resolveClass(kick, 'one-shot', file('vocal'))).toMatchObject({ class: 'kick' });
  });

  it('takes a folder only where the audio is unsure or agrees and has the class among its candidates', () => {
    const unsure = heard(null, [
      ['tom', 0.4],
      ['kick', 0.35],
    ]);
    expect(resolveClass(unsure, 'one-shot', folder('kick'))).toMatchObject({
      class: 'kick',
      tier: 'likely',
      classSource: 'name',
      confidence: FOLDER_CLASS_CONFIDENCE,
    });
    // Not among the candidates: the folder is ignored, the audio's guess stays.
    expect(resolveClass(unsure, 'one-shot', folder('snare'))).toMatchObject({
      class: 'tom',
      tier: 'guess',
      classSource: 'audio',
    });
    // The audio confidently says another class (a tom in the kick folder): it stays.
    const tom = heard('tom', [
      ['tom', 0.7],
      ['kick', 0.2],
    ]);
    expect(resolveClass(tom, 'one-shot', folder('kick'))).toMatchObject({
      class: 'tom',
      classSource: 'audio',
    });
  });

  it("uses the name's loop class for loops", () => {
    const loop = heard(
      null,
      [
        ['melodic', 0.45],
        ['bass', 0.4],
      ],
      true,
    );
    expect(resolveClass(loop, 'loop', file('bass', 'bass'))).toMatchObject({
      class: 'bass',
      loopClass: 'bass',
      classSource: 'name',
    });
    // A one-shot class alone ("Kick Bass Loop": no single loop class) says nothing.
    expect(resolveClass(loop, 'loop', file('kick', null))).toMatchObject({
      class: 'melodic',
      tier: 'guess',
      loopClass: 'melodic',
      classSource: 'audio',
    });
  });

  it('composes with a veto: a vetoed class stays empty unless the file name states one', () => {
    const vetoed = { ...heard('kick', [['kick', 0.9]]), class: null, tier: null };
    expect(resolveClass(vetoed, 'one-shot', null)).toMatchObject({
      class: null,
      tier: null,
      classSource: null,
    });
    expect(resolveClass(vetoed, 'one-shot', file('snare'))).toMatchObject({
      class: 'snare',
      tier: 'sure',
      classSource: 'name',
    });
  });
});
