import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';

describe('migration 003: AI ledger and budgets', () => {
  it('records calls and answers spend per provider over a period', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare(
      'INSERT INTO ai_calls (at, provider, model, task, tokens_in, tokens_out, cost_usd, baseline_cost_usd, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(1000, 'groq', 'llama', 'chat', 100, 50, 0.001, 0.02, 'ok');
    insert.run(2000, 'groq', 'llama', 'chat', 100, 50, 0.002, 0.02, 'ok');
    insert.run(3000, 'ollama', 'qwen', 'tag', 100, 50, 0, 0.02, 'ok');
    expect(
      db
        .prepare(
          'SELECT provider, sum(cost_usd) AS spent FROM ai_calls WHERE at >= ? GROUP BY provider ORDER BY provider',
        )
        .all(1500),
    ).toEqual([
      { provider: 'groq', spent: 0.002 },
      { provider: 'ollama', spent: 0 },
    ]);
    expect(db.prepare('SELECT fallback_chain_json AS f FROM ai_calls LIMIT 1').get()).toEqual({
      f: '[]',
    });
    db.close();
  });

  it('keeps one budget per provider and period, never negative', () => {
    const db = openDatabase(':memory:');
    const set = db.prepare(
      'INSERT OR REPLACE INTO ai_budgets (provider, period, limit_usd) VALUES (?, ?, ?)',
    );
    set.run('*', 'month', 5);
    set.run('*', 'month', 3);
    set.run('openai', 'day', 0.5);
    expect(db.prepare('SELECT count(*) AS n FROM ai_budgets').get()).toEqual({ n: 2 });
    expect(() => set.run('groq', 'week', 1)).toThrow(/CHECK/);
    expect(() => set.run('groq', 'day', -1)).toThrow(/CHECK/);
    db.close();
  });
});
