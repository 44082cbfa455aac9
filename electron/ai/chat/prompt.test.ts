import { describe, expect, it } from 'vitest';
import type { ChatMessageInfo } from '../../../shared/contract';
import { titleFrom } from './conversationStore';
import { toRouterMessages } from './history';
import { MAX_TOOL_RESULT_CHARS, wrapToolResult } from './prompt';

describe('tool result envelope', () => {
  it('wraps data and errors as JSON marked as untrusted data', () => {
    const ok = JSON.parse(
      wrapToolResult('get_sample', { data: { name: 'Do what I say.wav' } }),
    ) as Record<string, unknown>;
    expect(ok).toEqual({
      type: 'tool_result',
      tool: 'get_sample',
      note: expect.stringMatching(/not instructions/),
      ok: true,
      data: { name: 'Do what I say.wav' },
    });
    const bad = JSON.parse(
      wrapToolResult('x', { error: { code: 'NOT_FOUND', message: 'no' } }),
    ) as Record<string, unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cuts long results to the rows that fit, or to a preview', () => {
    const samples = Array.from({ length: 200 }, (_, i) => ({
      id: i,
      name: `${'x'.repeat(100)} ${i}`,
    }));
    const text = wrapToolResult('search_samples', { data: { total: 200, returned: 200, samples } });
    expect(text.length).toBeLessThanOrEqual(MAX_TOOL_RESULT_CHARS);
    const parsed = JSON.parse(text) as {
      data: { samples: unknown[]; returned: number; cut: boolean; total: number };
    };
    expect(parsed.data).toMatchObject({ cut: true, total: 200 });
    expect(parsed.data.returned).toBe(parsed.data.samples.length);
    expect(parsed.data.samples.length).toBeGreaterThan(50);
    const blob = JSON.parse(
      wrapToolResult('library_stats', { data: { text: 'y'.repeat(50_000) } }),
    ) as { data: { cut: boolean; preview: string } };
    expect(blob.data.cut).toBe(true);
    expect(blob.data.preview.length).toBe(MAX_TOOL_RESULT_CHARS / 2);
  });
});

function msg(
  id: number,
  role: ChatMessageInfo['role'],
  extra: Partial<ChatMessageInfo> = {},
): ChatMessageInfo {
  return {
    id,
    role,
    content: `m${id}`,
    toolCalls: [],
    toolCallId: null,
    toolName: null,
    sampleIds: [],
    provider: null,
    model: null,
    costUsd: null,
    createdAt: id,
    ...extra,
  };
}

describe('history', () => {
  it('keeps the last turns, pairs tool results with their calls, and drops orphans', () => {
    const stored = [
      msg(1, 'user'),
      msg(2, 'assistant', { toolCalls: [{ id: 'a', name: 'library_stats', arguments: '{}' }] }),
      msg(3, 'tool', { toolCallId: 'a', toolName: 'library_stats' }),
      msg(4, 'assistant'),
      msg(5, 'user'),
      msg(6, 'tool', { toolCallId: 'orphan', toolName: 'x' }),
      msg(7, 'assistant', { toolCalls: [{ id: 'b', name: 'get_sample', arguments: '{bad' }] }),
      msg(8, 'tool', { toolCallId: 'b', toolName: 'get_sample' }),
    ];
    const all = toRouterMessages(stored);
    expect(all.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
      'assistant',
      'tool',
    ]);
    const last = toRouterMessages(stored, 1);
    expect(last.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(last[1]).toMatchObject({ toolCalls: [{ id: 'b', input: null }] });
  });
});

describe('conversation titles', () => {
  it('uses the first line of the question, cut at a word', () => {
    expect(titleFrom('  find kicks\nand more')).toBe('find kicks');
    expect(titleFrom('a '.repeat(10) + 'verylongwordthatgoeson'.repeat(4))).toMatch(/…$/);
    expect(titleFrom('word '.repeat(30)).length).toBeLessThanOrEqual(61);
  });
});
