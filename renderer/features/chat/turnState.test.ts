import { describe, expect, it } from 'vitest';
import {
  applyTurnEvent,
  errorHelp,
  formatCost,
  interleaveActions,
  jobLine,
  providerFailure,
  startTurn,
  toolLabel,
} from './turnState';

const ids = { conversationId: 7, turnId: 't1' };

describe('live chat turn', () => {
  it('builds the streamed answer, tool steps and the outcome from events', () => {
    let t = startTurn('t1', 'find kicks', null);
    t = applyTurnEvent(t, {
      type: 'chat.route',
      payload: { ...ids, provider: 'ollama', model: 'qwen3:8b' },
    });
    t = applyTurnEvent(t, {
      type: 'chat.toolCall',
      payload: {
        ...ids,
        callId: 'c1',
        name: 'search_samples',
        input: {},
        state: 'running',
        summary: null,
        samples: [],
        action: null,
      },
    });
    const row = {
      id: 1,
      name: 'Kick.wav',
      dir: '',
      kind: null,
      class: null,
      bpm: null,
      key: null,
      rootNote: null,
      durationSec: 0.2,
      rating: 0,
      favorite: false,
      tags: [],
      missing: false,
    };
    t = applyTurnEvent(t, {
      type: 'chat.toolCall',
      payload: {
        ...ids,
        callId: 'c1',
        name: 'search_samples',
        input: {},
        state: 'done',
        summary: '1 sample',
        samples: [row],
        action: null,
      },
    });
    t = applyTurnEvent(t, { type: 'chat.delta', payload: { ...ids, text: 'Here ' } }, 5);
    t = applyTurnEvent(t, { type: 'chat.delta', payload: { ...ids, text: 'it is.' } }, 9);
    t = applyTurnEvent(t, {
      type: 'chat.delta',
      payload: { conversationId: 7, turnId: 'other', text: 'NOT MINE' },
    });
    t = applyTurnEvent(t, {
      type: 'chat.done',
      payload: {
        ...ids,
        provider: 'ollama',
        model: 'qwen3:8b',
        costUsd: 0,
        conversationCostUsd: 0,
        error: null,
      },
    });
    expect(t).toMatchObject({
      conversationId: 7,
      text: 'Here it is.',
      firstTextAt: 5,
      done: true,
      provider: 'ollama',
      costUsd: 0,
    });
    expect(t.steps).toEqual([
      expect.objectContaining({ callId: 'c1', state: 'done', samples: [row] }),
    ]);
  });

  it('formats costs and errors', () => {
    expect(formatCost(null)).toBe('');
    expect(formatCost(0)).toBe('free');
    expect(formatCost(0.00042)).toBe('$0.00042');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(0.0000213)).toBe('$0.000021');
    expect(formatCost(3e-9)).toBe('< $0.000001');
    expect(formatCost(1.234)).toBe('$1.23');
    expect(errorHelp({ code: 'BUDGET_EXCEEDED', message: 'budget spent' })).toMatch(
      /raise the budget in Settings/,
    );
    expect(errorHelp({ code: 'NO_PROVIDER', message: 'start Ollama' })).toBe('start Ollama');
    expect(
      errorHelp({ code: 'NO_PROVIDER', message: 'no AI provider can take this request' }),
    ).toMatch(/start Ollama .* or add an API key/);
    expect(errorHelp({ code: 'RATE_LIMITED', message: 'slow down' })).toMatch(/try again/);
    expect(errorHelp({ code: 'INTERNAL', message: 'x' })).toBe('x');
    expect(toolLabel('search_samples')).toBe('Searching the library');
    expect(toolLabel('other')).toBe('other');
  });

  it('describes a tagging job', () => {
    const job = {
      state: 'running' as const,
      startedAt: 1,
      finishedAt: null,
      processed: 8,
      total: 20,
      suggested: 6,
      costUsd: 0,
      provider: null,
      model: null,
      error: null,
    };
    expect(jobLine(job)).toBe('8 of 20 samples · 6 with suggestions');
    expect(jobLine({ ...job, provider: 'ollama', model: 'llama3.2:3b' })).toBe(
      '8 of 20 samples · 6 with suggestions · free · ollama · llama3.2:3b',
    );
  });

  it('turns a router failure into a sentence with who failed, why and the fix', () => {
    const raw =
      'no provider could answer: ollama/qwen3:8b PROVIDER_ERROR, groq/openai/gpt-oss-20b PROVIDER_ERROR (last error: 503 {"error":{"message":"fake error 503","type":"server_error","code":null}})';
    const text = errorHelp({ code: 'PROVIDER_ERROR', message: raw });
    expect(text).toBe(
      'The assistant could not get an answer: ollama, groq failed (503: fake error 503). Try again in a moment, or pick another provider above; providers and keys are in Settings.',
    );
    expect(providerFailure('no provider could answer: ollama/qwen3:8b TIMEOUT')).toMatch(
      /^The assistant could not get an answer: ollama failed\. Try again/,
    );
    expect(
      providerFailure(
        'no provider could answer: ollama/m PROVIDER_ERROR (last error: {"error":"model runner has unexpectedly stopped"})',
      ),
    ).toContain('ollama failed (model runner has unexpectedly stopped)');
    expect(providerFailure('socket hang up')).toBe(
      'socket hang up — try again, or pick another provider above.',
    );
  });

  it('shows each proposed action after the turn that proposed it', () => {
    const msg = (id: number, role: string, createdAt: number) => ({ id, role, createdAt });
    const items = interleaveActions(
      [msg(1, 'user', 10), msg(2, 'assistant', 12), msg(3, 'user', 20), msg(4, 'assistant', 21)],
      [
        { id: 'b', createdAt: 21 },
        { id: 'a', createdAt: 11 },
      ],
    );
    expect(
      items.map((i) => (i.type === 'message' ? `m${i.message.id}` : `a${i.action.id}`)),
    ).toEqual(['m1', 'm2', 'aa', 'm3', 'm4', 'ab']);
  });
});
