import { describe, expect, it } from 'vitest';
import { budgetDraft, formatUsd, parseBudget } from './aiSettings';

describe('AI settings helpers', () => {
  it('formats small and large amounts', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.00123)).toBe('$0.0012');
    expect(formatUsd(12.345)).toBe('$12.35');
  });

  it('parses budgets: empty is no cap, junk and negatives are invalid', () => {
    expect(parseBudget('')).toBeNull();
    expect(parseBudget(' $5 ')).toBe(5);
    expect(parseBudget('0.5')).toBe(0.5);
    expect(parseBudget('-1')).toBe('invalid');
    expect(parseBudget('five')).toBe('invalid');
    expect(parseBudget('2000000')).toBe('invalid');
  });

  it('starts a field from the total cap of its period', () => {
    const budgets = [
      { scope: 'groq' as const, period: 'day' as const, capUsd: 1, spentUsd: 0, remainingUsd: 1 },
      {
        scope: 'total' as const,
        period: 'month' as const,
        capUsd: 10,
        spentUsd: 2,
        remainingUsd: 8,
      },
    ];
    expect(budgetDraft(budgets, 'month')).toBe('10');
    expect(budgetDraft(budgets, 'day')).toBe('');
  });
});
