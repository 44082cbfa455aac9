/**
 * The usage report behind `samplemind ai usage` and the settings view: spend per
 * provider today and this month, per day, budgets, and the saving against sending the
 * same successful calls to the all-premium baseline model.
 */
import type { AiSpendRow, AiUsage } from '../../shared/contract/ai';
import type { Budgets } from './budgets';
import type { Catalog } from './catalog';
import { dayStart, type Ledger, type SpendRow } from './ledger';

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localMonth(at: number): string {
  return localDay(at).slice(0, 7);
}

function spend(rows: SpendRow[]): AiSpendRow[] {
  return rows.map((r) => ({
    provider: r.provider,
    calls: r.calls,
    failedCalls: r.failedCalls,
    tokensIn: r.tokensIn,
    tokensOut: r.tokensOut,
    costUsd: r.costUsd,
  }));
}

export function usageReport(
  deps: { ledger: Ledger; budgets: Budgets; catalog: Catalog },
  options: { month?: string; now?: number } = {},
): AiUsage {
  const now = options.now ?? Date.now();
  const month = options.month ?? localMonth(now);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(y, m - 1, 1).getTime();
  const to = new Date(y, m, 1).getTime();
  const today = dayStart(now);
  const tomorrow = new Date(new Date(today).setDate(new Date(today).getDate() + 1)).getTime();

  const todayRows = deps.ledger.byProvider(today, tomorrow);
  const monthRows = deps.ledger.byProvider(from, to);
  const sum = (rows: SpendRow[], f: (r: SpendRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const costUsd = sum(monthRows, (r) => r.costUsd);
  const baselineUsd = sum(monthRows, (r) => r.baselineCostUsd);
  return {
    day: localDay(now),
    month,
    today: {
      costUsd: sum(todayRows, (r) => r.costUsd),
      calls: sum(todayRows, (r) => r.calls),
      byProvider: spend(todayRows),
    },
    monthToDate: {
      costUsd,
      calls: sum(monthRows, (r) => r.calls),
      byProvider: spend(monthRows),
      baselineUsd,
      savingsUsd: baselineUsd - costUsd,
      savingsPct:
        baselineUsd > 0 ? Math.round(((baselineUsd - costUsd) / baselineUsd) * 10_000) / 100 : null,
    },
    daily: deps.ledger
      .daily(from, to)
      .map((d) => ({ day: localDay(d.at), costUsd: d.costUsd, calls: d.calls })),
    baseline: { provider: deps.catalog.baseline.provider, model: deps.catalog.baseline.id },
    budgets: deps.budgets.status(),
    pricesAsOf: deps.catalog.pricesAsOf,
  };
}
