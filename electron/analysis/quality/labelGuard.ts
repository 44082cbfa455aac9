/**
 * The label guard, applied last to every result: a file that holds nothing to label
 * (quality/assessSignal.ts) keeps its measurements — duration, loudness, peaks,
 * descriptors — but loses every label: no class, tempo, key or root note, one-shot, and
 * only the tags that state facts about the data (mono, clipped). Whatever the models,
 * the name hints or later stages decided, this has the last word.
 */
import type { AnalysisFields } from '../../../shared/contract/analysis';
import { DRUM_CLASSES, type DescriptorTag, type SampleClass } from '../../../shared/taxonomy';
import type { SampleClassification } from '../classify/classification';
import { isUnlabelled } from './assessSignal';

const FACT_TAGS: readonly DescriptorTag[] = ['mono', 'clipped'];

export function guardFields<T extends AnalysisFields>(fields: T): T {
  if (!isUnlabelled(fields.warnings)) return fields;
  return {
    ...fields,
    kind: 'one-shot',
    kindConfidence: 1,
    bpm: null,
    bpmConfidence: null,
    bpmSource: null,
    beats: null,
    bpmAlternates: [],
    key: null,
    keyConfidence: null,
    keySource: null,
    rootNote: null,
    rootMidi: null,
    rootCents: null,
    rootConfidence: null,
    rootSource: null,
    tags: fields.tags.filter((t) => FACT_TAGS.includes(t)),
  };
}

/** Confidence of the synth class given to a single-cycle waveform (a physical fact, not a guess). */
export const SINGLE_CYCLE_CONFIDENCE = 0.9;

/**
 * The classification of a result after the guard: none for a file with nothing to label
 * (no candidates either: a model's guesses on silence mean nothing); for steady noise,
 * no class heard in the audio (a class its name states stays); a single-cycle waveform is
 * synth material — never a drum, whatever the model or a folder name says.
 */
export function guardClassification<C extends SampleClassification>(
  cls: C,
  fields: Pick<AnalysisFields, 'warnings' | 'tags'>,
): C {
  const nothing = isUnlabelled(fields.warnings);
  if (!nothing && fields.tags.includes('single-cycle'))
    return {
      ...cls,
      class: 'synth',
      tier: 'sure',
      classSource: 'audio',
      confidence: Math.max(
        SINGLE_CYCLE_CONFIDENCE,
        cls.candidates.find((c) => c.class === 'synth')?.p ?? 0,
      ),
      loopClass: null,
    };
  if (!nothing && !(fields.tags.includes('noise') && cls.classSource === 'audio')) return cls;
  return {
    ...cls,
    class: null,
    tier: null,
    classSource: null,
    confidence: 0,
    candidates: nothing ? [] : cls.candidates,
    loopClass: null,
  };
}

/** Drum classes whose sounds have no note a producer tunes to (kicks, toms and percussion keep a measured root). */
const UNPITCHED: readonly SampleClass[] = ['snare', 'clap', 'hihat', 'cymbal'];

/**
 * Key and root only where there is pitch: a one-shot the classifier calls a drum gets no
 * key heard in its audio, and a snare, clap, hi-hat or cymbal no root either (a ride's
 * bell partials fit G# minor, a snare's shell rings at some note). Values the file or its
 * name states stay; kicks, toms and percussion keep a measured root (808s, tuned toms).
 */
export function guardPitchByClass<T extends AnalysisFields>(
  fields: T,
  cls: Pick<SampleClassification, 'class'> | null,
): T {
  const c = cls?.class;
  if (!c || fields.kind !== 'one-shot' || !(DRUM_CLASSES as readonly SampleClass[]).includes(c))
    return fields;
  const dropKey = fields.key !== null && fields.keySource === 'audio';
  const dropRoot =
    fields.rootNote !== null && fields.rootSource === 'audio' && UNPITCHED.includes(c);
  if (!dropKey && !dropRoot) return fields;
  const out: T = {
    ...fields,
    ...(dropKey ? { key: null, keyConfidence: null, keySource: null } : {}),
    ...(dropRoot
      ? { rootNote: null, rootMidi: null, rootCents: null, rootConfidence: null, rootSource: null }
      : {}),
  };
  if (out.key === null && out.rootNote === null) out.tags = out.tags.filter((t) => t !== 'tonal');
  return out;
}
