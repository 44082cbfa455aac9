import type { Migration } from './types';

/**
 * The AI router's ledger (every call, its cost and outcome) and the budgets the
 * user sets. Keys are never stored here (OS keychain / environment).
 */
export const aiLedger: Migration = {
  version: 3,
  name: 'AI cost ledger and budgets',
  up(db) {
    db.exec(`
      CREATE TABLE ai_calls (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        task TEXT NOT NULL,
        tokens_in INTEGER NOT NULL DEFAULT 0,
        tokens_out INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        -- What the same tokens would have cost on the all-premium baseline model.
        baseline_cost_usd REAL NOT NULL DEFAULT 0,
        latency_ms INTEGER,
        first_token_ms INTEGER,
        outcome TEXT NOT NULL,
        error_code TEXT,
        -- JSON array of the providers tried before this one for the same request.
        fallback_chain_json TEXT NOT NULL DEFAULT '[]',
        request_id TEXT
      );
      CREATE INDEX ai_calls_at ON ai_calls(at);
      CREATE INDEX ai_calls_provider_at ON ai_calls(provider, at);

      CREATE TABLE ai_budgets (
        -- '*' is the total over all providers.
        provider TEXT NOT NULL,
        period TEXT NOT NULL CHECK (period IN ('day', 'month')),
        limit_usd REAL NOT NULL CHECK (limit_usd >= 0),
        PRIMARY KEY (provider, period)
      ) WITHOUT ROWID;
    `);
  },
};
