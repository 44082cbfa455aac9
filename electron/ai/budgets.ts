/**
 * Spending caps (table ai_budgets: per provider or '*' for the total, per day or month)
 * and reservations: before a call the router reserves its worst-case cost (all of the
 * input, the whole output cap) against every cap that applies, so concurrent calls can
 * never overspend together. A reservation is released when the call's real cost is in
 * the ledger.
 */
import type { AiBudgetStatus } from '../../shared/contract/ai';
import type { Db } from '../library/db';
import { dayStart, monthStart, type Ledger } from './ledger';
import type { AiProviderId } from './types';

export type BudgetPeriod = 'day' | 'month';
export type BudgetScope = AiProviderId | 'total';

export interface BudgetCap {
  scope: BudgetScope;
  period: BudgetPeriod;
  limitUsd: number;
}

export interface Reservation {
  release(): void;
}

export type ReserveResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; cap: BudgetCap; spentUsd: number; pendingUsd: number };

const dbScope = (scope: BudgetScope) => (scope === 'total' ? '*' : scope);

export class Budgets {
  private readonly pending = new Map<string, number>();
  private capsCache: BudgetCap[] | null = null;
  /** Running totals per "scope|period start", read from the ledger once, then kept up to date. */
  private readonly spentCache = new Map<string, { since: number; usd: number }>();

  constructor(
    private readonly db: Db,
    private readonly ledger: Ledger,
    private readonly now: () => number = Date.now,
  ) {
    ledger.onRecord((entry) => {
      if (entry.costUsd === 0) return;
      for (const [key, value] of this.spentCache) {
        const scope = key.slice(0, key.indexOf('|'));
        if (entry.at >= value.since && (scope === '*' || scope === entry.provider)) {
          value.usd += entry.costUsd;
        }
      }
    });
  }

  caps(): BudgetCap[] {
    if (!this.capsCache) {
      const rows = this.db
        .prepare(
          'SELECT provider, period, limit_usd AS limitUsd FROM ai_budgets ORDER BY provider, period',
        )
        .all() as Array<{ provider: string; period: BudgetPeriod; limitUsd: number }>;
      this.capsCache = rows.map((r) => ({
        scope: (r.provider === '*' ? 'total' : r.provider) as BudgetScope,
        period: r.period,
        limitUsd: r.limitUsd,
      }));
    }
    return this.capsCache;
  }

  set(scope: BudgetScope, period: BudgetPeriod, limitUsd: number | null): void {
    if (limitUsd === null) {
      this.db
        .prepare('DELETE FROM ai_budgets WHERE provider = ? AND period = ?')
        .run(dbScope(scope), period);
    } else {
      this.db
        .prepare(
          `INSERT INTO ai_budgets (provider, period, limit_usd) VALUES (?, ?, ?)
           ON CONFLICT(provider, period) DO UPDATE SET limit_usd = excluded.limit_usd`,
        )
        .run(dbScope(scope), period, limitUsd);
    }
    this.capsCache = null;
  }

  private periodStart(period: BudgetPeriod): number {
    return period === 'day' ? dayStart(this.now()) : monthStart(this.now());
  }

  private spent(cap: BudgetCap): number {
    const scope = cap.scope === 'total' ? '*' : cap.scope;
    const since = this.periodStart(cap.period);
    const key = `${scope}|${cap.period}`;
    const cached = this.spentCache.get(key);
    if (cached && cached.since === since) return cached.usd;
    const usd = this.ledger.spentSince(scope, since);
    this.spentCache.set(key, { since, usd });
    return usd;
  }

  private pendingFor(scope: BudgetScope): number {
    return this.pending.get(scope) ?? 0;
  }

  /** Reserves `worstCaseUsd` on `provider` if every applicable cap leaves room for it. */
  reserve(provider: AiProviderId, worstCaseUsd: number): ReserveResult {
    if (worstCaseUsd > 0) {
      for (const cap of this.caps()) {
        if (cap.scope !== 'total' && cap.scope !== provider) continue;
        const spentUsd = this.spent(cap);
        const pendingUsd = this.pendingFor(cap.scope);
        if (spentUsd + pendingUsd + worstCaseUsd > cap.limitUsd + 1e-12) {
          return { ok: false, cap, spentUsd, pendingUsd };
        }
      }
    }
    const add = (scope: BudgetScope, amount: number) =>
      this.pending.set(scope, Math.max(0, this.pendingFor(scope) + amount));
    add(provider, worstCaseUsd);
    add('total', worstCaseUsd);
    let released = false;
    return {
      ok: true,
      reservation: {
        release: () => {
          if (released) return;
          released = true;
          add(provider, -worstCaseUsd);
          add('total', -worstCaseUsd);
        },
      },
    };
  }

  /** Would a call of `worstCaseUsd` on `provider` fit now? (no reservation) */
  fits(provider: AiProviderId, worstCaseUsd: number): BudgetCap | null {
    const r = this.reserve(provider, worstCaseUsd);
    if (r.ok) {
      r.reservation.release();
      return null;
    }
    return r.cap;
  }

  status(): AiBudgetStatus[] {
    return this.caps().map((cap) => {
      const spentUsd = this.spent(cap);
      return {
        scope: cap.scope,
        period: cap.period,
        capUsd: cap.limitUsd,
        spentUsd,
        remainingUsd: Math.max(0, cap.limitUsd - spentUsd),
      };
    });
  }
}
