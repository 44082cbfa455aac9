import { describe, expect, it } from 'vitest';
import {
  ALL_PARTS,
  emptyReport,
  header,
  markdown,
  mergeReports,
  partsRun,
  type EvalReport,
} from './report';

const report = (over: Partial<EvalReport>): EvalReport => ({
  ...emptyReport({
    generatedAt: 'then',
    seed: 7,
    analyzerVersion: '1',
    machine: 'm',
    sets: {},
    analysisMsPerFile: 1,
  }),
  ...over,
});

describe('mergeReports', () => {
  it('replaces the parts run and their goals, and keeps the rest', () => {
    const kind = { items: 3, correct: 3, correctPct: 100, bySet: {}, misses: [] };
    const previous = report({
      kind,
      sets: { 'hydrogen-loops': 48 },
      goals: [
        { name: 'One-shot vs loop', goal: '≥ 97 %', value: '100%', met: true },
        { name: 'Class of notes', goal: '≥ 85 %', value: '1 of 2', met: false },
      ],
    });
    const classes = { measuredAt: 'now', model: 'x', bySet: {}, misses: [] };
    const run = report({
      generatedAt: 'now',
      classes,
      sets: { 'hydrogen-loops': 0, 'held-out class files': 5 },
      goals: [{ name: 'Class of notes', goal: '≥ 85 %', value: '2 of 2', met: true }],
    });
    const merged = mergeReports(previous, run, new Set(['class']));
    expect(merged.kind).toEqual(kind);
    expect(merged.classes).toEqual(classes);
    expect(merged.generatedAt).toBe('now');
    expect(merged.sets).toEqual({ 'hydrogen-loops': 48, 'held-out class files': 5 });
    expect(merged.goals.map((g) => g.value)).toEqual(['100%', '2 of 2']);
  });
});

describe('report header', () => {
  const kind = { items: 3, correct: 3, correctPct: 100, bySet: {}, misses: [] };
  const classes = { measuredAt: 'now', model: 'x', bySet: {}, misses: [] };

  it('says a full run measured every part in one run, and whether with the reference tools', () => {
    const full = report({
      generatedAt: '2026-12-07T22:00Z',
      analyzerVersion: '1.4.0',
      parts: partsRun(new Set(ALL_PARTS), {
        measuredAt: '2026-12-07T22:00Z',
        analyzerVersion: '1.4.0',
        referenceTools: true,
      }),
    });
    expect(header(full)[0]).toBe(
      'Generated 2026-12-07T22:00Z, analyzer 1.4.0, eval seed 7, m; all parts measured in this run, with reference tools.',
    );
  });

  it("after an --only run over an older report, names each part's date and analyzer", () => {
    // An old report (no per-part provenance): its parts date from its header.
    const previous = report({ generatedAt: '2026-11-25', analyzerVersion: '1.1.0', kind });
    const run = report({
      generatedAt: '2026-12-07',
      analyzerVersion: '1.4.0',
      machine: 'n',
      classes,
      parts: partsRun(new Set(['class']), {
        measuredAt: '2026-12-07',
        analyzerVersion: '1.4.0',
        referenceTools: false,
      }),
    });
    const merged = mergeReports(previous, run, new Set(['class']));
    expect(merged.analyzerVersion).toBe('1.4.0');
    expect(merged.machine).toBe('n');
    expect(merged.parts).toEqual({
      kind: { measuredAt: '2026-11-25', analyzerVersion: '1.1.0', referenceTools: null },
      class: { measuredAt: '2026-12-07', analyzerVersion: '1.4.0', referenceTools: false },
    });
    const md = markdown(merged);
    expect(md).toContain('Written 2026-12-07 (analyzer 1.4.0)');
    expect(md).toContain('| kind | 2026-11-25 | 1.1.0 | not recorded |');
    expect(md).toContain('| class | 2026-12-07 | 1.4.0 | without reference tools (--quick) |');
    expect(md).not.toContain('Generated 2026-11-25');

    // A later full-provenance --only run replaces just its own part's line.
    const again = mergeReports(
      merged,
      report({
        generatedAt: '2026-12-08',
        analyzerVersion: '1.5.0',
        kind,
        parts: partsRun(new Set(['kind']), {
          measuredAt: '2026-12-08',
          analyzerVersion: '1.5.0',
          referenceTools: true,
        }),
      }),
      new Set(['kind']),
    );
    expect(again.parts?.kind?.analyzerVersion).toBe('1.5.0');
    expect(again.parts?.class?.analyzerVersion).toBe('1.4.0');
  });
});

describe('real loop tempo', () => {
  const score = (acc1: number) => ({
    acc1,
    acc1Pct: Math.round((acc1 / 13) * 1000) / 10,
    acc2: 13,
    acc2Pct: 100,
    noAnswer: 0,
  });
  const realTempo = {
    loops: 13,
    ours: score(11),
    aubio: null,
    bpmTools: null,
    essentia: null,
    bySet: {},
    misses: [
      {
        file: 'loop_perc1.flac',
        set: 'sonic-pi-loops',
        info: '',
        truth: 97,
        ours: null,
        confidence: null,
        aubio: null,
        bpmTools: null,
        essentia: null,
      },
    ],
    rows: [],
  };

  it('has its own section, and travels with the tempo part of an --only run', () => {
    const md = markdown(report({ realTempo }));
    expect(md).toContain('### Real loops (held out, audio alone)');
    expect(md).toContain('| loop_perc1.flac | 97 | — | — |');
    const merged = mergeReports(report({ realTempo }), report({}), new Set(['tempo']));
    expect(merged.realTempo).toBeNull();
    const kept = mergeReports(report({ realTempo }), report({}), new Set(['kind']));
    expect(kept.realTempo).toEqual(realTempo);
  });
});
