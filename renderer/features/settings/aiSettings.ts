import type { AiBudgetStatus } from '../../../shared/contract/ai';

/** "$0.0123" for small amounts, "$12.34" otherwise. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** The text a budget field starts with: the total cap for the period, or empty (no cap). */
export function budgetDraft(budgets: readonly AiBudgetStatus[], period: 'day' | 'month'): string {
  const b = budgets.find((x) => x.scope === 'total' && x.period === period);
  return b ? String(b.capUsd) : '';
}

/** A budget typed by the user: null (no cap) for empty, a non-negative number, or 'invalid'. */
export function parseBudget(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/^\$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return 'invalid';
  const n = Number(t);
  return Number.isFinite(n) && n <= 1_000_000 ? n : 'invalid';
}
