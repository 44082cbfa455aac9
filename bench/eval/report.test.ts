import { describe, expect, it } from 'vitest';
import { emptyReport, mergeReports, type EvalReport } from './report';

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
    expect(merged.generatedAt).toBe('then');
    expect(merged.sets).toEqual({ 'hydrogen-loops': 48, 'held-out class files': 5 });
    expect(merged.goals.map((g) => g.value)).toEqual(['100%', '2 of 2']);
  });
});
