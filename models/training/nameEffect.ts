/**
 * What the class a file name states adds to the classifier (electron/analysis/hints/
 * resolveClass.ts, as the analysis worker applies it) on held-out one-shots whose file
 * names their authors wrote: the hydrogen kits. Their labels come from each kit's
 * drumkit.xml instrument names, written by the same authors as the file names, so this
 * shows what a producer with these kits sees, not an independent accuracy. lmms' drums
 * are labelled from their file names and the GM renders are named by our renderer, so
 * neither is measured.
 */
import { basename, dirname } from 'node:path';
import type { SampleClassifier } from '../../electron/analysis/classify/classifier';
import type { Classification } from '../../electron/analysis/classify/decision';
import { resolveClass } from '../../electron/analysis/hints/resolveClass';
import { classFromName } from '../../shared/nameClass';
import { DRUM_GOAL_CLASSES } from './evaluate';
import type { ManifestEntry } from './manifestTypes';

/** The sources whose file names are their authors' (see above). */
export const NAMED_SOURCES = ['hydrogen'] as const;

export interface NameEffect {
  samples: number;
  drums: number;
  /** Top class right: the audio alone, and with the name's class where it is taken. */
  accuracyAudio: number;
  accuracyWithNames: number;
  drumAccuracyAudio: number;
  drumAccuracyWithNames: number;
  /** Share that gets a class (confidence over its threshold, or a name) and share of those right. */
  coverageAudio: number;
  selectiveAudio: number;
  coverageWithNames: number;
  selectiveWithNames: number;
  /** How many classes came from a name, and how many of those were wrong. */
  fromName: number;
  fromNameWrong: number;
}

const drums = new Set<string>(DRUM_GOAL_CLASSES);

/** Compares the audio's decisions with the name-resolved ones (`heard[i]` for `entries[i]`). */
export function nameEffect(
  entries: readonly Pick<ManifestEntry, 'path' | 'label'>[],
  heard: readonly Classification[],
): NameEffect {
  const n = { samples: 0, drums: 0, audio: 0, named: 0, drumAudio: 0, drumNamed: 0 };
  const sel = { audio: 0, audioOk: 0, named: 0, namedOk: 0, fromName: 0, fromNameWrong: 0 };
  entries.forEach((e, i) => {
    const audio = heard[i] as Classification;
    const resolved = resolveClass(
      audio,
      'one-shot',
      classFromName(basename(e.path), dirname(e.path)),
    );
    const top = audio.candidates[0]?.class;
    const final = resolved.classSource === 'name' ? resolved.class : top;
    n.samples++;
    if (top === e.label) n.audio++;
    if (final === e.label) n.named++;
    if (drums.has(e.label)) {
      n.drums++;
      if (top === e.label) n.drumAudio++;
      if (final === e.label) n.drumNamed++;
    }
    if (audio.class !== null) {
      sel.audio++;
      if (audio.class === e.label) sel.audioOk++;
    }
    if (resolved.class !== null) {
      sel.named++;
      if (resolved.class === e.label) sel.namedOk++;
    }
    if (resolved.classSource === 'name') {
      sel.fromName++;
      if (resolved.class !== e.label) sel.fromNameWrong++;
    }
  });
  const share = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    samples: n.samples,
    drums: n.drums,
    accuracyAudio: share(n.audio, n.samples),
    accuracyWithNames: share(n.named, n.samples),
    drumAccuracyAudio: share(n.drumAudio, n.drums),
    drumAccuracyWithNames: share(n.drumNamed, n.drums),
    coverageAudio: share(sel.audio, n.samples),
    selectiveAudio: share(sel.audioOk, sel.audio),
    coverageWithNames: share(sel.named, n.samples),
    selectiveWithNames: share(sel.namedOk, sel.named),
    fromName: sel.fromName,
    fromNameWrong: sel.fromNameWrong,
  };
}

/** Classifies the held-out one-shots of NAMED_SOURCES and measures what their names add. */
export async function measureNameEffect(
  classifier: SampleClassifier,
  entries: readonly ManifestEntry[],
  features: ReadonlyMap<string, Float32Array>,
): Promise<NameEffect> {
  const rows = entries.filter(
    (e) =>
      e.split === 'test' &&
      e.kind === 'one-shot' &&
      (NAMED_SOURCES as readonly string[]).includes(e.source) &&
      features.has(e.id),
  );
  const heard = await classifier.classify(
    rows.map((e) => features.get(e.id) as Float32Array),
    rows.map(() => 'one-shot'),
  );
  return nameEffect(rows, heard);
}
