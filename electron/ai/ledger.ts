/**
 * The cost ledger (table ai_calls): one row per provider call, successful or not, with
 * tokens, cost, what the baseline model would have cost, latency and the providers
 * tried before it. Spend queries for budgets and the usage report read it.
 */
import type { AiSpendRow } from '../../shared/contract/ai';
import type { AiTask } from '../../shared/schemas/ai';
import type { Db } from '../library/db';
import type { AiProviderId } from './types';

export type CallOutcome = 'ok' | 'failed' | 'cancelled';

export interface LedgerEntry {
  at: number;
  provider: AiProviderId;
  model: string;
  task: AiTask;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  baselineCostUsd: number;
  latencyMs: number | null;
  firstTokenMs: number | null;
  outcome: CallOutcome;
  errorCode: string | null;
  fallbackChain: Array<{ provider: AiProviderId; model: string; code: string }>;
  requestId: string | null;
}

export interface SpendRow extends AiSpendRow {
  baselineCostUsd: number;
}

/** Local midnight of the day `at` falls in. */
export function dayStart(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight of the first of the month `at` falls in. */
export function monthStart(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

export class Ledger {
  private readonly insert;
  private readonly spentAll;
  private readonly spentOne;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO ai_calls (at, provider, model, task, tokens_in, tokens_out, cost_usd,
         baseline_cost_usd, latency_ms, first_token_ms, outcome, error_code, fallback_chain_json, request_id)
       VALUES (@at, @provider, @model, @task, @tokensIn, @tokensOut, @costUsd, @baselineCostUsd,
         @latencyMs, @firstTokenMs, @outcome, @errorCode, @fallbackChain, @requestId)`,
    );
    this.spentAll = db.prepare(
      'SELECT COALESCE(SUM(cost_usd), 0) AS s FROM ai_calls WHERE at >= ?',
    );
    this.spentOne = db.prepare(
      'SELECT COALESCE(SUM(cost_usd), 0) AS s FROM ai_calls WHERE provider = ? AND at >= ?',
    );
  }

  private readonly listeners = new Set<(entry: LedgerEntry) => void>();

  /** Called after every recorded call (budgets keep their running totals with it). */
  onRecord(listener: (entry: LedgerEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  record(entry: LedgerEntry): void {
    this.insertRow(entry);
    for (const l of this.listeners) l(entry);
  }

  private insertRow(entry: LedgerEntry): void {
    this.insert.run({
      ...entry,
      latencyMs: entry.latencyMs === null ? null : Math.round(entry.latencyMs),
      firstTokenMs: entry.firstTokenMs === null ? null : Math.round(entry.firstTokenMs),
      fallbackChain: JSON.stringify(entry.fallbackChain),
    });
  }

  /** Dollars spent since `since` (epoch ms) on one provider, or on all ('*'). */
  spentSince(scope: AiProviderId | '*', since: number): number {
    const row = (scope === '*' ? this.spentAll.get(since) : this.spentOne.get(scope, since)) as {
      s: number;
    };
    return row.s;
  }

  /** Spend per provider in [from, to). */
  byProvider(from: number, to: number): SpendRow[] {
    return this.db
      .prepare(
        `SELECT provider, COUNT(*) AS calls,
           SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS failedCalls,
           SUM(tokens_in) AS tokensIn, SUM(tokens_out) AS tokensOut,
           SUM(cost_usd) AS costUsd,
           SUM(CASE WHEN outcome = 'ok' THEN baseline_cost_usd ELSE 0 END) AS baselineCostUsd
         FROM ai_calls WHERE at >= ? AND at < ? GROUP BY provider ORDER BY costUsd DESC, provider`,
      )
      .all(from, to) as SpendRow[];
  }

  /** Calls as stored (newest first), for tests and diagnostics. */
  recent(limit = 100): Array<Record<string, unknown>> {
    return this.db.prepare('SELECT * FROM ai_calls ORDER BY id DESC LIMIT ?').all(limit) as Array<
      Record<string, unknown>
    >;
  }

  /** Cost and successful calls per local day in [from, to). */
  daily(from: number, to: number): Array<{ at: number; costUsd: number; calls: number }> {
    const rows = this.db
      .prepare(
        `SELECT at, cost_usd AS costUsd, outcome FROM ai_calls WHERE at >= ? AND at < ? ORDER BY at`,
      )
      .all(from, to) as Array<{ at: number; costUsd: number; outcome: string }>;
    const days = new Map<number, { at: number; costUsd: number; calls: number }>();
    for (const r of rows) {
      const d = dayStart(r.at);
      const e = days.get(d) ?? { at: d, costUsd: 0, calls: 0 };
      e.costUsd += r.costUsd;
      e.calls += 1;
      days.set(d, e);
    }
    return [...days.values()];
  }
}
