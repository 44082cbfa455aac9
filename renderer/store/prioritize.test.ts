import { describe, expect, it } from 'vitest';
import { AnalysisPrioritizer } from './prioritize';

describe('AnalysisPrioritizer', () => {
  it('prioritises only samples still waiting for analysis', () => {
    const p = new AnalysisPrioritizer(1000);
    expect(p.shouldPrioritize(1, 'done', 0)).toBe(false);
    expect(p.shouldPrioritize(2, 'running', 0)).toBe(false);
    expect(p.shouldPrioritize(3, 'failed', 0)).toBe(false);
    expect(p.shouldPrioritize(4, 'pending', 0)).toBe(true);
  });

  it('sends each sample once per window', () => {
    const p = new AnalysisPrioritizer(1000);
    expect(p.shouldPrioritize(4, 'pending', 0)).toBe(true);
    expect(p.shouldPrioritize(4, 'pending', 500)).toBe(false);
    expect(p.shouldPrioritize(5, 'pending', 500)).toBe(true);
    expect(p.shouldPrioritize(4, 'pending', 1000)).toBe(true);
  });

  it('forgets old entries once it holds many', () => {
    const p = new AnalysisPrioritizer(10);
    for (let i = 0; i < 1001; i++) p.shouldPrioritize(i, 'pending', 0);
    expect(p.shouldPrioritize(5000, 'pending', 100)).toBe(true);
    expect(p.shouldPrioritize(0, 'pending', 100)).toBe(true);
  });
});
