/**
 * What the class a file name states adds to the classifier (electron/analysis/hints/
 * resolveClass.ts, as the analysis worker applies it) on held-out one-shots whose file
 * names their authors wrote: the hydrogen kits. Their labels come from each kit's
 * drumkit.xml instrument names, written by the same authors as the file names, so this
 * shows what a producer with these kits sees, not an independent accuracy. lmms' drums
 * are labelled from their file names and the GM renders are named by our renderer, so
 * neither is measured.
 */
import type { SampleClassifier } from '../../electron/analysis/classify/classifier';
import type { Classification } from '../../electron/analysis/classify/decision';
import { resolveClassOfFile } from '../../electron/analysis/hints/resolveClass';
import { isTrustedTier, ONE_SHOT_CLASSES } from '../../shared/taxonomy';
import { DRUM_GOAL_CLASSES } from './evaluate';
import type { ManifestEntry } from './manifestTypes';
import { accuracyOver } from './metrics';

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

const share = (a: number, b: number) => (b > 0 ? a / b : 0);

/** How many decisions gave a class, and how many of those were right. */
function decided(truth: readonly string[], decisions: ReadonlyArray<string | null>) {
  const given = decisions.filter((d) => d !== null).length;
  const right = decisions.filter((d, i) => d !== null && d === truth[i]).length;
  return { coverage: share(given, truth.length), selective: share(right, given) };
}

/** Compares the audio's decisions with the name-resolved ones (`heard[i]` for `entries[i]`). */
export function nameEffect(
  entries: readonly Pick<ManifestEntry, 'path' | 'label'>[],
  heard: readonly Classification[],
): NameEffect {
  const truth = entries.map((e) => e.label as string);
  const resolved = entries.map((e, i) =>
    resolveClassOfFile(heard[i] as Classification, 'one-shot', e.path),
  );
  const top = heard.map((h) => h.candidates[0]?.class ?? '');
  const final = resolved.map((r, i) => (r.classSource === 'name' ? r.class : top[i]) ?? '');
  const fromName = resolved.flatMap((r, i) => (r.classSource === 'name' ? [i] : []));
  // A class counts as given when it is trusted (sure or likely, or from a name): a guess
  // is shown, but not given.
  const audio = decided(
    truth,
    heard.map((h) => (isTrustedTier(h.tier) ? h.class : null)),
  );
  const named = decided(
    truth,
    resolved.map((r) => (isTrustedTier(r.tier) ? r.class : null)),
  );
  return {
    samples: entries.length,
    drums: truth.filter((t) => (DRUM_GOAL_CLASSES as readonly string[]).includes(t)).length,
    accuracyAudio: accuracyOver(ONE_SHOT_CLASSES, truth, top),
    accuracyWithNames: accuracyOver(ONE_SHOT_CLASSES, truth, final),
    drumAccuracyAudio: accuracyOver(DRUM_GOAL_CLASSES, truth, top),
    drumAccuracyWithNames: accuracyOver(DRUM_GOAL_CLASSES, truth, final),
    coverageAudio: audio.coverage,
    selectiveAudio: audio.selective,
    coverageWithNames: named.coverage,
    selectiveWithNames: named.selective,
    fromName: fromName.length,
    fromNameWrong: fromName.filter((i) => resolved[i]?.class !== truth[i]).length,
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
