/** Writes models/MODEL_CARD.md from the dataset, the training report and the evaluation. */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMeta } from '../../electron/analysis/classify/modelMeta';
import { LOOP_CLASSES, ONE_SHOT_CLASSES } from '../../shared/taxonomy';
import type { DatasetBuild } from './buildDataset';
import type { Evaluation, HeadEvaluation } from './evaluate';
import type { FeatureTable } from './features';
import type { ManifestEntry } from './manifestTypes';
import { SPLITS } from './manifestTypes';
import type { Metrics } from './metrics';
import type { ChangeRobustness } from './robustness';
import type { NameEffect } from './nameEffect';
import { KIT_CLASS } from './hydrogenKits';
import { TEST_GROUPS, VAL_GROUPS, valPrograms } from './split';

/** The parts of train_model.py's report that the card reads. */
export interface CardReport {
  counts: Record<string, number>;
  log: Record<string, number | string>[];
  /** Networks trained with different seeds and averaged (1: a single network). */
  members?: number;
  /** The shipped networks were refitted on train + validation after selection. */
  refit?: boolean;
  /** Level and stereo descriptors were varied during training. */
  levelAugmentation?: boolean;
  /** Each epoch's one-shot draws were spread evenly over the domains of each class. */
  domainBalance?: boolean;
}

export interface CardInputs {
  dataset: DatasetBuild;
  /** Number of augmented variants of train and validation files (augment.ts). */
  augmented: number;
  features: FeatureTable;
  meta: ModelMeta;
  report: CardReport;
  test: Evaluation;
  val: Evaluation;
  /** Same sounds quieter or folded to mono (levelVariants.ts); absent in older runs. */
  robustness?: readonly ChangeRobustness[];
  /** What file names add on the held-out hydrogen kits (nameEffect.ts); absent in older runs. */
  names?: NameEffect;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function robustnessSection(rows: readonly ChangeRobustness[]): string {
  if (rows.length === 0) return '';
  return `### The same sounds quieter or in mono

A third of the test one-shots (by a fixed hash), played 12 and 24 dB quieter (16-bit files) and, when stereo, folded to mono (\`models/training/levelVariants.ts\`): how often the top class stays the same, and the accuracy before and after.

${table(
  ['change', 'samples', 'same top class', 'accuracy, original', 'accuracy, changed'],
  rows.map((r) => [
    r.change,
    r.samples,
    pct(r.sameClass),
    pct(r.accuracyOriginal),
    pct(r.accuracyChanged),
  ]),
)}`;
}

function namesSection(e: NameEffect | undefined): string {
  if (!e || e.samples === 0) return '';
  return `### With the class a file name states

In the app the class a file or folder name states counts too, unless the sound contradicts it (\`electron/analysis/hints/resolveClass.ts\`, docs/analysis.md). Every other figure on this card is the audio alone. On the held-out hydrogen one-shots (the only test files whose names their authors wrote; their labels come from each kit's instrument names, written by the same authors, so this is what a producer with these kits sees, not an independent accuracy):

${table(
  ['', 'audio alone', 'with names'],
  [
    ['top class right', pct(e.accuracyAudio), pct(e.accuracyWithNames)],
    [`drums (${e.drums})`, pct(e.drumAccuracyAudio), pct(e.drumAccuracyWithNames)],
    ['get a class', pct(e.coverageAudio), pct(e.coverageWithNames)],
    ['of those, right', pct(e.selectiveAudio), pct(e.selectiveWithNames)],
  ],
)}

${e.samples} one-shots; ${e.fromName} classes came from a name, ${e.fromNameWrong} of them wrong.`;
}

function countsTable(
  entries: readonly ManifestEntry[],
  kind: 'one-shot' | 'loop',
  classes: readonly string[],
): string {
  const of = (cls: string, split: string) =>
    entries.filter((e) => e.kind === kind && e.label === cls && e.split === split).length;
  return table(
    ['class', ...SPLITS, 'total'],
    classes.map((c) => [
      c,
      ...SPLITS.map((s) => of(c, s)),
      SPLITS.reduce((a, s) => a + of(c, s), 0),
    ]),
  );
}

function sourcesTable(entries: readonly ManifestEntry[]): string {
  const keys = [
    ...new Set(entries.map((e) => `${e.source}\u0000${e.package}\u0000${e.licence}`)),
  ].sort();
  return table(
    ['source', 'Debian package', 'licence', 'train', 'val', 'test'],
    keys.map((k) => {
      const [source, pkg, licence] = k.split('\u0000') as [string, string, string];
      const of = (s: string) =>
        entries.filter(
          (e) => e.source === source && e.package === pkg && e.licence === licence && e.split === s,
        ).length;
      return [source, pkg, licence, of('train'), of('val'), of('test')];
    }),
  );
}

function metricsTable(m: Metrics): string {
  return table(
    ['class', 'support', 'precision', 'recall', 'F1'],
    m.perClass
      .filter((c) => c.support > 0)
      .map((c) => [c.cls, c.support, pct(c.precision), pct(c.recall), pct(c.f1)]),
  );
}

function confusionTable(m: Metrics): string {
  const present = m.classes
    .map((_, i) => i)
    .filter(
      (i) =>
        (m.confusion[i] as number[]).some((v) => v > 0) ||
        m.confusion.some((r) => (r[i] as number) > 0),
    );
  return table(
    ['true \\ predicted', ...present.map((i) => m.classes[i] as string)],
    present.map((i) => [
      m.classes[i] as string,
      ...present.map((j) => (m.confusion[i] as number[])[j] as number),
    ]),
  );
}

function topConfusions(m: Metrics, n: number): string[] {
  const pairs: [string, string, number][] = [];
  m.confusion.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i !== j && v > 0) pairs.push([m.classes[i] as string, m.classes[j] as string, v]);
    }),
  );
  return pairs
    .sort((a, b) => b[2] - a[2])
    .slice(0, n)
    .map(([t, p, v]) => `${t} → ${p}: ${v}`);
}

function headSection(title: string, h: HeadEvaluation): string {
  return [
    `### ${title}`,
    '',
    `Accuracy ${pct(h.metrics.accuracy)} over ${h.metrics.total} samples; macro-F1 ${pct(h.metrics.macroF1)}. ` +
      `With the likely thresholds: ${pct(h.coverage)} of samples get a sure or likely class, and ${pct(h.selectiveAccuracy)} of those are right (the rest keep their top class as a guess; tiers below).`,
    '',
    metricsTable(h.metrics),
    '',
    'Confusion matrix (rows: true class, columns: predicted, argmax):',
    '',
    confusionTable(h.metrics),
    '',
    'Accuracy by source:',
    '',
    table(
      ['source', 'samples', 'accuracy'],
      h.bySource.map((s) => [s.source, s.n, pct(s.accuracy)]),
    ),
  ].join('\n');
}

/** What train_model.py builds, with or without the spectrogram branch, one or more networks. */
function architectureText(meta: ModelMeta, report: CardReport): string {
  const members = report.members ?? 1;
  const joint = meta.melPatch ? 192 : 64;
  const branches = meta.melPatch
    ? 'a descriptor branch (standardised feature vector, train-split mean/std inside the graph → 64, ReLU) and a spectrogram branch over the patch (four 3×3 convolution blocks of 16, 32, 64, 64 channels with batch norm and ReLU, 2×2 max-pooling after the first three, then mean and max over time and frequency → 128)'
    : 'a descriptor branch (standardised feature vector, train-split mean/std inside the graph → 64, ReLU)';
  const heads = `one-shot head ${joint}→128→64→${meta.oneShotClasses.length}${meta.melPatch ? ' over both' : ''}, loop head ${joint}→64→${meta.loopClasses.length} trained on loops over the fixed joint features (ReLU, dropout 0.2)`;
  const level = report.levelAugmentation
    ? 'level and stereo changes (a random gain of −18…+6 dB on the loudness and true-peak descriptors; the mono fold-down, width 0 and correlation 1, for a third of the rows)'
    : null;
  const spectrogram = meta.melPatch
    ? 'spectrogram augmentation (random shift of ±2 mel bands, one frequency and one time mask)'
    : null;
  const parts = [spectrogram, level].filter((p): p is string => p !== null);
  const augmentation = [...parts, 'descriptor noise'].join(parts.length > 1 ? ', ' : ' and ');
  const ensemble =
    members > 1
      ? ` The shipped graph averages the logits of ${members} such networks trained with different seeds; its embedding is the first network's ${meta.embeddingLength}-d layer.`
      : '';
  const draws = report.domainBalance
    ? " Each epoch draws its one-shot rows with replacement so that every domain of a class (a hydrogen kit, a soundfont, freepats …) gets the same share of that class's draws (`SAMPLEMIND_DOMAIN_BALANCE`)."
    : '';
  const refitText = report.refit
    ? ' After selection, each network is trained again with the same seed on train + validation (augmented copies included) with a one-cycle schedule as long as the median epoch count chosen on validation, keeping its last epoch; the refitted networks keep the temperature and thresholds fitted on validation for the selected ones (train_model.py, `SAMPLEMIND_REFIT`).'
    : '';
  return `${branches}; ${heads}. Trained with class-weighted cross-entropy (label smoothing 0.05), AdamW with a one-cycle learning rate, ${augmentation}; the epoch kept is the best on validation (one-shot macro-F1 + drum accuracy).${draws}${ensemble}${refitText}`;
}

export function modelCardMarkdown(inp: CardInputs, modelBytes: number): string {
  const { dataset, features, meta, test, val } = inp;
  const e = dataset.entries;
  const provisional = features.version.startsWith('provisional');
  const goal = (ok: boolean) => (ok ? 'met' : '**not met**');
  const oneF1 = test.oneShot.metrics.macroF1;
  const weakClasses = test.oneShot.metrics.perClass
    .filter((c) => c.support > 0 && c.f1 < 0.8)
    .map((c) => `${c.cls} (F1 ${pct(c.f1)})`);
  const mappingByKit = new Map<string, string[]>();
  for (const [kit, cls] of Object.entries(KIT_CLASS)) {
    const n = dataset.hydrogenMapping.filter((r) => r.kit === kit).length;
    if (n > 0) mappingByKit.set(kit, [`all ${n} instruments → ${cls}`]);
  }
  for (const r of dataset.hydrogenMapping) {
    if (r.kit in KIT_CLASS) continue;
    mappingByKit.set(r.kit, [
      ...(mappingByKit.get(r.kit) ?? []),
      `${r.instrument || '(unnamed)'} → ${r.cls ?? 'dropped'}`,
    ]);
  }
  const groupsOf = (s: string) =>
    [...new Set(e.filter((x) => x.split === s).map((x) => x.group))].sort();
  return `# Model card: SampleMind sample classifier

Generated by \`npx tsx models/training/train.ts\` (npm script \`train:classifier\`). Do not edit by hand.
${
  provisional
    ? `
> **Features are provisional.** This model was trained on the TEMPORARY feature vector
> \`${features.version}\` (electron/analysis/classify/provisionalFeatures.ts), built from the
> analysis engine's committed building blocks because the engine's own \`featureVector\`
> (with an \`analyzeFile\` entry point) had not landed. Retrain with the engine's vector
> before relying on these figures; the model refuses vectors of another length.
`
    : ''
}
## Goals (held-out test set)

| goal | target | measured | |
| --- | --- | --- | --- |
| drum classes (kick, snare, hihat, cymbal, tom) accuracy | ≥ 95 % | ${pct(test.drumAccuracy)} | ${goal(test.drumAccuracy >= 0.95)} |
| all one-shot classes macro-F1 | ≥ 85 % | ${pct(oneF1)} | ${goal(oneF1 >= 0.85)} |
| inference per sample, batched (${test.batchSize} vectors, onnxruntime-node, 1 thread) | < 1 ms | ${test.msPerSample.toFixed(4)} ms | ${goal(test.msPerSample < 1)} |
| loop content classes macro-F1 (no goal set) | — | ${pct(test.loop.metrics.macroF1)} | |

Accuracy figures are argmax over the whole test split; timings were taken on a shared 2-core machine under load.

## Model

- File: \`models/sample-classifier.onnx\` (${(modelBytes / 1024).toFixed(0)} KiB), metadata \`models/sample-classifier.json\`.
- Input \`${meta.input}\`: float32 \`[batch, ${meta.featureLength}]\`, \`${meta.featureVersion}\`${
    meta.melPatch
      ? `: the engine's feature vector (${meta.featureLength - meta.melPatch.bands * meta.melPatch.columns} values) followed by the attack-aligned log-mel patch (${meta.melPatch.bands} mel bands × ${meta.melPatch.columns} columns, \`electron/analysis/features/melPatch.ts\`; computed by \`analyzeFile\`, not stored)`
      : ''
  }.
- Outputs: \`${meta.outputs.oneShot}\` \`[batch, ${meta.oneShotClasses.length}]\` (softmax over ${meta.oneShotClasses.join(', ')}),
  \`${meta.outputs.loop}\` \`[batch, ${meta.loopClasses.length}]\` (softmax over ${meta.loopClasses.join(', ')}),
  \`${meta.outputs.embedding}\` \`[batch, ${meta.embeddingLength}]\` (the one-shot head's penultimate layer, for similarity).
  Class order is that of \`shared/taxonomy.ts\` (\`ONE_SHOT_CLASSES\`, \`LOOP_CLASSES\`).
- Architecture: ${architectureText(meta, inp.report)}
- Calibration: temperature scaling fitted on the validation split (T = ${meta.temperature.oneShot.toFixed(2)} one-shot, ${meta.temperature.loop.toFixed(2)} loop), inside the graph.${meta.calibrator || meta.recalibration ? ' The app then applies the post-hoc calibrator fitted on sounds no network saw (see "Class tiers and calibration").' : ''}
- Confidence threshold: per class, the smallest confidence (≥ 0.4) at which validation predictions of that class are ≥ 90 % right (at least 8 of them); classes without enough validation predictions use the head's threshold, the smallest confidence at which all validation predictions are ≥ 90 % right (0.99 when none is): ${meta.threshold.oneShot.toFixed(2)} (one-shot), ${meta.threshold.loop.toFixed(2)} (loop). At or above it a class is \`likely\` (or \`sure\`, see "Class tiers and calibration"); below it \`classify\` still returns the top class, as a \`guess\`, with the top candidates.${
    meta.classThreshold
      ? `
  One-shot thresholds: ${meta.oneShotClasses.map((c, i) => `${c} ${(meta.classThreshold?.oneShot[i] ?? 0).toFixed(2)}`).join(', ')}.
  Loop thresholds: ${meta.loopClasses.map((c, i) => `${c} ${(meta.classThreshold?.loop[i] ?? 0).toFixed(2)}`).join(', ')}.`
      : ''
  }
- Inference: \`electron/analysis/classify/classifier.ts\` (\`SampleClassifier.load()\`, \`classify(features, kinds)\`).

## Data

${e.length} labelled files (${e.filter((x) => x.kind === 'one-shot').length} one-shots, ${e.filter((x) => x.kind === 'loop').length} loops), all from openly licensed Debian packages (or, for the \`synthfx\` source, synthesised by SampleMind's own code); ${features.failures.length} could not be decoded by the app's decoder and are left out${features.failures.length ? ` (${features.failures.map((f) => f.id).join(', ')}: ${features.failures[0]?.error})` : ''}. ${dataset.duplicates.length} exact duplicate files were kept once; groups sharing a file were merged (${dataset.merged.map(([a, b]) => `${a} → ${b}`).join(', ') || 'none'}).

${sourcesTable(e)}

Augmentation: ${inp.augmented} variants of the train and validation files (a low-passed, noisier copy and a ±2/±4-semitone resampled copy of each${inp.augmented > 0 && e.some((x) => x.source === 'speech') ? ', and for vocal and fx files a third with a synthetic room, a formant-ish EQ, often a phone / radio band limit and a level' : ''}, \`models/training/augment.ts\`); the validation copies are only fitted on by the final refit, never used to choose an epoch or calibrate; test files are never augmented. The counts below are original files only.

Sources:
- **hydrogen** — every layer of every instrument in each kit's \`drumkit.xml\` (\`hydrogen-drumkits\`, \`hydrogen-data\`, and the guitar-strum kit of \`hydrogen-drumkits-effects\`, labelled guitar); labels from instrument names (\`models/training/drumNames.ts\`); licence per kit from the Debian copyright file.
- **freepats** — the GUS patches of Debian's \`freepats\` (\`models/training/gusPatch.ts\`, \`freepats.ts\`): each wave of the drum set labelled by its GM percussion key, each wave of the melodic instruments by its GM program (looped waves held to 1.2 s); its GM programs follow the soundfonts' validation hold-out.
- **hydrogen-loops** — two-bar grooves sequenced from each kit's own one-shots (\`drums\` loops).
- **lmms** — \`/usr/share/lmms/samples\` folders (\`models/training/lmmsSamples.ts\`).
- **sonicpi** — the CC0 samples of Debian's \`sonic-pi-samples\` (freesound.org recordings and sound design), each file labelled by name in \`models/training/sonicPiSamples.ts\`; samples whose class is unclear are left out.
- **fluidr3, musescore, timgm6mb** — notes rendered with fluidsynth (no reverb/chorus) from each soundfont: every mapped GM program at ${4} keys × 3 velocities (40, 80, 120), every GM percussion key of 7 GM drum kits × 3 velocities, and two-bar phrases / grooves as loops (\`models/training/gmMapping.ts\`, \`renderPlan.ts\`)${e.some((x) => x.id.includes('/long-notes/')) ? '; for the training soundfonts also long notes (held 4–10 s, 3 keys, velocity 90) of every keys, guitar and bass program (`planLongNotes`)' : ''}.
- **avl-black-pearl, avl-red-zeppelin** — the AVL drumkits soundfonts, labelled from their sample names (\`avlKits.ts\`).
${voiceFxSources(e)}

### One-shot classes per split

${countsTable(e, 'one-shot', ONE_SHOT_CLASSES)}

### Loop content classes per split

${countsTable(e, 'loop', LOOP_CLASSES)}

## Split (by group, never by file)

Every file has a group (a kit, an lmms folder, a soundfont + GM program, a soundfont's drum kits); a group is in exactly one split (\`models/training/split.ts\`, checked by its test).
- **test (held out)**: the whole TimGM6mb soundfont (melodic programs, drum kits, loops), the kits ${TEST_GROUPS.filter((g) => g.startsWith('kit:')).join(', ')} (with the kits merged into them), and lmms ${TEST_GROUPS.filter((g) => g.startsWith('lmms:')).join(', ')}.
- **validation** (early stopping, temperature, threshold): kits ${VAL_GROUPS.filter((g) => g.startsWith('kit:')).join(', ')}, lmms ${VAL_GROUPS.filter((g) => g.startsWith('lmms:')).join(', ')}, ${e.some((x) => x.source === 'speech') ? `speech voices ${VAL_GROUPS.filter((g) => g.startsWith('speech:')).join(', ')}, every fifth block of synthesised effects, ` : ''}and GM programs ${[...valPrograms()].sort((a, b) => a - b).join(', ')} of the training soundfonts (FluidR3, MuseScore General — the latter is partly derived from FluidR3, so both hold the same programs out).
- **train**: everything else.

Test groups: ${groupsOf('test').length}; validation groups: ${groupsOf('val').length}; train groups: ${groupsOf('train').length}.

## Results on the held-out test set

${headSection('One-shots', test.oneShot)}

${headSection('Loops (content class)', test.loop)}

${robustnessSection(inp.robustness ?? [])}

${namesSection(inp.names)}

Validation (for reference${inp.report.refit ? '; the shipped networks were refitted on it, so these figures are not held out' : ''}): one-shot macro-F1 ${pct(val.oneShot.metrics.macroF1)}, drum accuracy ${pct(val.drumAccuracy)}, loop macro-F1 ${pct(val.loop.metrics.macroF1)}.

## Known weaknesses

${[
  ...(provisional ? ['Trained on the provisional feature vector (see the note at the top).'] : []),
  weakClasses.length
    ? `One-shot classes below 80 % F1 on the test set: ${weakClasses.join(', ')}.`
    : 'Every one-shot class with test samples reaches 80 % F1.',
  `Most frequent confusions (test, one-shots): ${topConfusions(test.oneShot.metrics, 8).join('; ') || 'none'}.`,
  'Melodic classes come almost entirely from General MIDI soundfonts (one sampled note per program and key); real recordings, layered/processed sounds and genre-specific sound design (e.g. modern trap 808s, risers, vocal chops) are under-represented.',
  '`vocal` one-shots and loops are GM choir/voice programs only — there is no real singing or speech in the data.',
  '`percussion` is a catch-all (hand percussion, side sticks, cowbells, shakers …) and dominates the drum renders; `clap` has few independent sources.',
  'Loops are two-bar MIDI phrases and sequenced drum grooves, not produced music; the loop head has not seen mixed or full-band loops.',
  'Side sticks and rim clicks are labelled percussion (not snare); snare rimshots are snare.',
]
  .map((l) => `- ${l}`)
  .join('\n')}

## Hydrogen instrument → class mapping

${[...mappingByKit]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([kit, rows]) => `- **${kit}**: ${rows.join('; ')}`)
  .join('\n')}

## Licences

Every sample used for training and evaluation comes from a Debian package whose copyright file grants redistribution (GPL-2, GPL-2+, CC0, CC-BY-3.0, CC-BY-SA-3.0, MIT); the per-file licence is in the manifest. The model weights are a product of this data and of AGPL-3.0-or-later code.

## Reproduce

\`\`\`
npx tsx models/training/train.ts        # npm run train:classifier
\`\`\`

Needs Debian's \`/usr/bin/python3\` with python3-torch, python3-numpy, python3-onnx, and the packages listed in \`models/training/buildDataset.ts\` (installed with apt-get when missing and run as root). Rendering, the manifest and features are cached in \`models/training/.data/\`; the manifest is \`models/training/.data/manifest.jsonl\`.
`;
}

/** The card's lines for the speech and synthesised-effect sources, when the data has them. */
function voiceFxSources(e: readonly ManifestEntry[]): string {
  const lines: string[] = [];
  if (e.some((x) => x.source === 'speech'))
    lines.push(
      "- **speech** — spoken phrases and ad-libs (`speech/phrases.ts`) rendered by Debian's festival (festvox voices: English, Italian, Finnish, Czech, Catalan, Russian) and flite voices at drawn speeds and pitch targets, delivered spoken, shouted, whispered (LPC resynthesis), chopped or stuttered, resampled to 44.1 kHz with an air band added to narrow-band voices, then a drawn room / EQ / band limit / level (`speechVocals.ts`, `soundShaping.ts`); labelled vocal. One split group per voice; a voice speaks only its split's phrase pool. espeak-ng is not used: it is part of the held-out check.",
    );
  if (e.some((x) => x.source === 'synthfx'))
    lines.push(
      '- **synthfx** — effects synthesised from seeded random parameters (`synth/fxVoices.ts`, `synthFx.ts`): risers, downlifters, impacts, filter sweeps, whooshes, glitches, foley-like textures and UI sounds (blips, beeps, chimes, alarms, zaps, buzzes); labelled fx; groups are blocks of 8 seeds, every fifth block validates.',
    );
  return lines.map((l) => `${l}\n`).join('');
}

export function writeModelCard(path: string, inp: CardInputs): void {
  const modelBytes = statSync(join(path, '..', 'sample-classifier.onnx')).size;
  writeFileSync(path, modelCardMarkdown(inp, modelBytes));
}
