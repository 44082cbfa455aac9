import { readFileSync } from 'node:fs';
import { classMarkdown, type ClassReport } from './score/classes';
import type { KindReport } from './score/kind';
import type { LoudnessReport } from './score/loudness';
import type { KeyReport, RootReport } from './score/pitchAndKey';
import type { TempoReport, ToolScore } from './score/tempo';

export interface EvalReport {
  generatedAt: string;
  seed: number;
  analyzerVersion: string;
  machine: string;
  sets: Record<string, number>;
  goals: Array<{ name: string; goal: string; value: string; met: boolean }>;
  loudness: LoudnessReport | null;
  tempo: TempoReport | null;
  /** Tempo of real loops (Sonic Pi, audio alone; absent in reports written before it). */
  realTempo?: TempoReport | null;
  root: RootReport | null;
  key: KeyReport | null;
  /** Key of the MIDI grooves (drums + bass, sometimes chords): secondary, no goal. */
  grooveKey: KeyReport | null;
  kind: KindReport | null;
  /** The class check on held-out sounds (absent in reports written before it). */
  classes?: ClassReport | null;
  analysisMsPerFile: number;
  /**
   * When, with which analyzer and whether with the reference tools each part was measured
   * (absent in reports written before it: then every part present is from the header's run).
   */
  parts?: Partial<Record<Part, PartRun>>;
}

/** The parts `--only` can name, in report order. */
export const ALL_PARTS = ['loudness', 'tempo', 'root', 'key', 'kind', 'class'] as const;
export type Part = (typeof ALL_PARTS)[number];

/** Where one part's figures come from. */
export interface PartRun {
  measuredAt: string;
  analyzerVersion: string;
  /** aubio, bpm-tools, essentia compared (false with --quick; null: not recorded). */
  referenceTools: boolean | null;
}

/** A report with every part still to run (null) and no goals: run.ts fills it in. */
export function emptyReport(head: {
  generatedAt: string;
  seed: number;
  analyzerVersion: string;
  machine: string;
  sets: Record<string, number>;
  analysisMsPerFile: number;
}): EvalReport {
  return {
    ...head,
    goals: [],
    loudness: null,
    tempo: null,
    root: null,
    key: null,
    grooveKey: null,
    kind: null,
    classes: null,
  };
}

/** Which report fields each part writes. */
const PART_FIELDS: Record<Part, Array<keyof EvalReport>> = {
  loudness: ['loudness'],
  tempo: ['tempo', 'realTempo'],
  root: ['root'],
  key: ['key', 'grooveKey'],
  kind: ['kind'],
  class: ['classes'],
};

/** The same provenance for each part a run measured. */
export function partsRun(parts: ReadonlySet<string>, run: PartRun): Partial<Record<Part, PartRun>> {
  return Object.fromEntries(ALL_PARTS.filter((p) => parts.has(p)).map((p) => [p, { ...run }]));
}

/** A report's per-part provenance; older reports get their header's for each part present. */
export function partsOf(r: EvalReport): Partial<Record<Part, PartRun>> {
  if (r.parts) return r.parts;
  const present = ALL_PARTS.filter((p) => PART_FIELDS[p].some((f) => r[f] != null));
  return partsRun(new Set(present), {
    measuredAt: r.generatedAt,
    analyzerVersion: r.analyzerVersion,
    referenceTools: null,
  });
}

export function readReport(path: string): EvalReport {
  return JSON.parse(readFileSync(path, 'utf8')) as EvalReport;
}

/**
 * A run of some parts (`--only`) over the last report: the parts run replace theirs (figures
 * and provenance), goals are replaced by name, set sizes merged; the rest keeps its figures
 * and states its own date and analyzer. The header (date, analyzer, machine, mean time) is
 * the latest run's.
 */
export function mergeReports(
  previous: EvalReport,
  run: EvalReport,
  parts: ReadonlySet<string>,
): EvalReport {
  const out: EvalReport = {
    ...previous,
    generatedAt: run.generatedAt,
    seed: run.seed,
    analyzerVersion: run.analyzerVersion,
    machine: run.machine,
    analysisMsPerFile: run.analysisMsPerFile,
  };
  const provenance = { ...partsOf(previous) };
  const runParts = partsOf(run);
  for (const part of ALL_PARTS) {
    if (!parts.has(part)) continue;
    for (const field of PART_FIELDS[part]) Object.assign(out, { [field]: run[field] ?? null });
    const p = runParts[part];
    if (p) provenance[part] = p;
    else delete provenance[part];
  }
  out.parts = provenance;
  const names = new Set(run.goals.map((g) => g.name));
  out.goals = [...previous.goals.filter((g) => !names.has(g.name)), ...run.goals];
  out.sets = { ...previous.sets };
  for (const [k, v] of Object.entries(run.sets)) if (v > 0) out.sets[k] = v;
  return out;
}

function fmt(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}

function tool(name: string, s: ToolScore | null): string {
  return s
    ? `| ${name} | ${s.acc1Pct}% (${s.acc1}) | ${s.acc2Pct}% (${s.acc2}) | ${s.noAnswer} |`
    : `| ${name} | not run | | |`;
}

const tools = (b: boolean | null): string =>
  b === null ? 'not recorded' : b ? 'with reference tools' : 'without reference tools (--quick)';

/**
 * Date, analyzer and machine; where the parts were not all measured in one run (a merged
 * `--only` run), which part was measured when, with which analyzer.
 */
export function header(r: EvalReport): string[] {
  const parts = partsOf(r);
  const runs = ALL_PARTS.flatMap((p) => {
    const run = parts[p];
    return run ? [{ part: p, run }] : [];
  });
  const key = (x: PartRun): string =>
    `${x.measuredAt}|${x.analyzerVersion}|${String(x.referenceTools)}`;
  const one = runs.length > 0 && runs.every((x) => key(x.run) === key(runs[0]!.run));
  if (one && runs[0]!.run.measuredAt === r.generatedAt) {
    const all = runs.length === ALL_PARTS.length ? 'all parts' : runs.map((x) => x.part).join(', ');
    return [
      `Generated ${r.generatedAt}, analyzer ${r.analyzerVersion}, eval seed ${r.seed}, ${r.machine}; ${all} measured in this run, ${tools(runs[0]!.run.referenceTools)}.`,
      '',
    ];
  }
  return [
    `Written ${r.generatedAt} (analyzer ${r.analyzerVersion}), eval seed ${r.seed}, ${r.machine}. The parts were measured in different runs:`,
    '',
    '| Part | Measured | Analyzer | Reference tools |',
    '|---|---|---|---|',
    ...runs.map(
      (x) =>
        `| ${x.part} | ${x.run.measuredAt} | ${x.run.analyzerVersion} | ${tools(x.run.referenceTools)} |`,
    ),
    '',
  ];
}

/** The Markdown summary: goals, per-set figures, and every miss. */
export function markdown(r: EvalReport): string {
  const out: string[] = [];
  out.push(`# Analysis accuracy (npm run eval)`, '');
  out.push(...header(r));
  out.push('| Goal | Target | Measured | Met |', '|---|---|---|---|');
  for (const g of r.goals)
    out.push(`| ${g.name} | ${g.goal} | ${g.value} | ${g.met ? 'yes' : '**no**'} |`);
  out.push(
    '',
    `Sets: ${Object.entries(r.sets)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  if (r.loudness) {
    const l = r.loudness;
    out.push('## Loudness vs ffmpeg ebur128', '');
    out.push(
      `${l.files} files longer than 1 s. |ΔLUFS| ≤ 0.3: ${l.withinLufs03Pct}% (${l.withinLufs03}); mean |ΔLUFS| ${l.meanAbsDeltaLufs}, max ${fmt(l.maxAbsDeltaLufs)}. True peak within 0.5 dB: ${l.withinTp05Pct}% (${l.withinTp05}); mean |ΔTP| ${l.meanAbsDeltaTp} dB.`,
      '',
    );
    if (l.misses.length) {
      out.push(
        '| File | ours LUFS | ffmpeg | Δ | ours dBTP | ffmpeg | Δ |',
        '|---|---|---|---|---|---|---|',
      );
      for (const m of l.misses)
        out.push(
          `| ${m.file} | ${fmt(m.ours)} | ${fmt(m.ffmpeg)} | ${fmt(m.deltaLufs)} | ${fmt(m.oursTp)} | ${fmt(m.ffmpegTp)} | ${fmt(m.deltaTp)} |`,
        );
      out.push('');
    }
  }
  if (r.tempo) {
    const t = r.tempo;
    out.push(
      '## BPM',
      '',
      `${t.loops} loops of known tempo.`,
      '',
      '| Tool | Acc1 (±4 %) | Acc2 (×2, ×½, ×3) | no answer |',
      '|---|---|---|---|',
    );
    out.push(
      tool('SampleMind', t.ours),
      tool('aubio tempo', t.aubio),
      tool('bpm-tools (default 84–146)', t.bpmTools),
      tool('essentia PercivalBpmEstimator', t.essentia),
    );
    out.push(
      '',
      'By set (ours): ' +
        Object.entries(t.bySet)
          .map(([k, s]) => `${k} Acc1 ${s.acc1Pct}% / Acc2 ${s.acc2Pct}%`)
          .join('; '),
      '',
    );
    if (t.misses.length) {
      out.push(
        'Misses (Acc1):',
        '',
        '| File | Made as | Truth | Ours | conf | aubio | bpm-tools | essentia |',
        '|---|---|---|---|---|---|---|---|',
      );
      for (const m of t.misses)
        out.push(
          `| ${m.file} | ${m.info} | ${m.truth} | ${fmt(m.ours)} | ${fmt(m.confidence)} | ${fmt(m.aubio)} | ${fmt(m.bpmTools)} | ${fmt(m.essentia)} |`,
        );
      out.push('');
    }
  }
  if (r.realTempo) {
    const t = r.realTempo;
    out.push(
      '### Real loops (held out, audio alone)',
      '',
      `${t.loops} Sonic Pi loops whose tempo a producer states (bench/eval/sets/realLoops.ts); names not read. Acc1 is at the producer's octave.`,
      '',
      '| Tool | Acc1 (±4 %) | Acc2 (×2, ×½, ×3) | no answer |',
      '|---|---|---|---|',
      tool('SampleMind', t.ours),
      tool('aubio tempo', t.aubio),
      tool('bpm-tools (default 84–146)', t.bpmTools),
      tool('essentia PercivalBpmEstimator', t.essentia),
      '',
    );
    if (t.misses.length) {
      out.push('| File | Truth | Ours | conf |', '|---|---|---|---|');
      for (const m of t.misses)
        out.push(`| ${m.file} | ${m.truth} | ${fmt(m.ours)} | ${fmt(m.confidence)} |`);
      out.push('');
    }
  }
  if (r.root) {
    const k = r.root;
    out.push(
      '## Root note',
      '',
      `${k.notes} single notes. Pitch class correct ${k.pitchClassPct}% (${k.pitchClassCorrect}); with octave ${k.octaveCorrectPct}%; no answer ${k.noAnswer}. essentia KeyExtractor tonic as root: ${k.essentiaPitchClassPct ?? '—'}%.`,
      '',
    );
    out.push(
      'By family: ' +
        Object.entries(k.byFamily)
          .map(([f, s]) => `${f} ${s.pitchClassPct}% of ${s.notes}`)
          .join('; '),
      '',
    );
    if (k.misses.length) {
      out.push(
        'Misses (wrong note or octave):',
        '',
        '| File | Made as | Truth | Ours | cents | conf | essentia tonic |',
        '|---|---|---|---|---|---|---|',
      );
      for (const m of k.misses)
        out.push(
          `| ${m.file} | ${m.info} | ${m.truth} | ${m.ours ?? '—'} | ${m.cents ?? '—'} | ${fmt(m.confidence)} | ${m.essentiaTonic ?? '—'} |`,
        );
      out.push('');
    }
  }
  if (r.key) {
    const k = r.key;
    out.push(
      '## Key',
      '',
      `${k.items} progressions. Correct ${k.correctPct}% (${k.correct}); counting relative major/minor ${k.withRelativePct}%. Verdicts: ${JSON.stringify(k.verdicts)}.`,
    );
    if (k.essentia)
      out.push(
        `essentia KeyExtractor: bgate ${k.essentia.correctPct}% / ${k.essentia.withRelativePct}% with relative; edma ${k.essentia.edmaCorrectPct}% / ${k.essentia.edmaWithRelativePct}%.`,
      );
    out.push('');
    if (k.misses.length) {
      out.push(
        '| File | Made as | Truth | Ours | verdict | essentia (bgate) | essentia (edma) |',
        '|---|---|---|---|---|---|---|',
      );
      for (const m of k.misses)
        out.push(
          `| ${m.file} | ${m.info} | ${m.truth} | ${m.ours ?? '—'} | ${m.verdict} | ${m.essentia ?? '—'} | ${m.essentiaEdma ?? '—'} |`,
        );
      out.push('');
    }
  }
  if (r.grooveKey) {
    const g = r.grooveKey;
    const none = g.verdicts['none'] ?? 0;
    out.push(
      '### Key of the MIDI grooves (secondary)',
      '',
      `${g.items} grooves (drums + bass, half with chords). Correct ${g.correctPct}%, with relative ${g.withRelativePct}%; no key reported for ${none} (the tonal gate). Verdicts: ${JSON.stringify(g.verdicts)}.`,
    );
    if (g.essentia)
      out.push(
        `essentia KeyExtractor: bgate ${g.essentia.correctPct}% / ${g.essentia.withRelativePct}%; edma ${g.essentia.edmaCorrectPct}% / ${g.essentia.edmaWithRelativePct}%.`,
      );
    out.push('');
  }
  if (r.kind) {
    const k = r.kind;
    out.push(
      '## One-shot vs loop',
      '',
      `${k.items} files. Correct ${k.correctPct}% (${k.correct}). ` +
        Object.entries(k.bySet)
          .map(([s, v]) => `${s} ${v.correctPct}% of ${v.items}`)
          .join('; '),
      '',
    );
    if (k.misses.length) {
      out.push(
        '| File | Set | Made as | Truth | Ours | conf | duration |',
        '|---|---|---|---|---|---|---|',
      );
      for (const m of k.misses)
        out.push(
          `| ${m.file} | ${m.set} | ${m.info} | ${m.truth} | ${m.ours ?? '—'} | ${fmt(m.confidence)} | ${fmt(m.durationSec)} |`,
        );
      out.push('');
    }
  }
  if (r.classes) out.push(...classMarkdown(r.classes));
  out.push(
    `Mean analysis time ${r.analysisMsPerFile.toFixed(1)} ms per file (single thread, in-process, machine shared).`,
    '',
  );
  return out.join('\n');
}
