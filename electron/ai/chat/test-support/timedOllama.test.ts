import { afterEach, describe, expect, it } from 'vitest';
import { createOllamaProvider } from '../../providers/ollamaProvider';
import type { ProviderEvent } from '../../types';
import { epochNow, startTimedOllama, type TimedOllama } from './timedOllama';

let fake: TimedOllama | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('timed fake Ollama', () => {
  it('speaks Ollama to the real client and notes when each piece was sent', async () => {
    fake = await startTimedOllama({
      models: ['qwen3:8b'],
      answer: () => ({ text: ['Two ', 'kicks ', 'found.'], gapMs: 20 }),
    });
    const provider = createOllamaProvider({ host: () => fake!.url });
    expect(await provider.listModels(AbortSignal.timeout(5_000))).toContain('qwen3:8b');
    const before = epochNow();
    const events: ProviderEvent[] = [];
    const received: number[] = [];
    for await (const e of provider.chat(
      {
        model: 'qwen3:8b',
        messages: [{ role: 'user', content: 'find kicks' }],
        maxOutputTokens: 50,
      },
      AbortSignal.timeout(5_000),
    )) {
      events.push(e);
      if (e.type === 'text') received.push(epochNow());
    }
    const text = events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
    expect(text).toBe('Two kicks found.');
    const [chat] = fake.chats;
    expect(chat?.question).toBe('find kicks');
    expect(chat?.writes.map((w) => [w.text, w.total])).toEqual([
      ['Two ', 4],
      ['kicks ', 10],
      ['found.', 16],
    ]);
    // Sent in order, after the request, each before the client saw it, 20 ms apart.
    const at = chat!.writes.map((w) => w.at);
    expect(at[0]).toBeGreaterThanOrEqual(before);
    at.forEach((t, i) => expect(t).toBeLessThanOrEqual(received[i]!));
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(35);
  });

  it('answers an error status as Ollama does, and 404 for unknown paths', async () => {
    fake = await startTimedOllama({ models: [], answer: () => ({ status: 500 }) });
    const chat = await fetch(`${fake.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(chat.status).toBe(500);
    expect(await chat.json()).toEqual({ error: 'fake error 500' });
    expect((await fetch(`${fake.url}/api/nothing`)).status).toBe(404);
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.12.9' });
    expect(fake.chats).toEqual([]);
  });
});
