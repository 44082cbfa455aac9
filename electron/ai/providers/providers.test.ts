import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../errors';
import { startFakeAnthropic, type FakeAnthropic } from '../test-support/fakeAnthropic';
import { startFakeOllama, type FakeOllama } from '../test-support/fakeOllama';
import { startFakeOpenAi, type FakeOpenAi } from '../test-support/fakeOpenAi';
import type { StepQueue } from '../test-support/chatScript';
import type { Provider, ProviderEvent, ProviderChatRequest } from '../types';
import { createAnthropicProvider } from './anthropicProvider';
import { createGroqProvider } from './groqProvider';
import { createOllamaProvider } from './ollamaProvider';
import { createOpenAiProvider } from './openaiProvider';

async function collect(
  p: Provider,
  req: Partial<ProviderChatRequest> = {},
): Promise<ProviderEvent[]> {
  const out: ProviderEvent[] = [];
  for await (const ev of p.chat(
    {
      model: 'm',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Find dark pads' },
      ],
      maxOutputTokens: 100,
      ...req,
    },
    new AbortController().signal,
  )) {
    out.push(ev);
  }
  return out;
}

async function failure(
  p: Provider,
  req: Partial<ProviderChatRequest> = {},
): Promise<ProviderError> {
  try {
    await collect(p, req);
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a failure');
}

const TOOLS = [
  {
    name: 'search_samples',
    description: 'Search the library',
    parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  },
];

interface Case {
  name: string;
  start(): Promise<{
    provider: Provider;
    steps: StepQueue;
    close(): Promise<void>;
    bodies(): Array<Record<string, unknown>>;
  }>;
}

let openai: FakeOpenAi;
let groq: FakeOpenAi;
let anthropic: FakeAnthropic;
let ollama: FakeOllama;

beforeAll(async () => {
  [openai, groq, anthropic, ollama] = await Promise.all([
    startFakeOpenAi({ models: ['gpt-4o-mini', 'text-embedding-3-small'] }),
    startFakeOpenAi({ flavor: 'groq', models: ['llama-3.1-8b-instant'] }),
    startFakeAnthropic({ models: ['claude-haiku-4-5'] }),
    startFakeOllama(),
  ]);
});
afterAll(async () => {
  await Promise.all([openai.close(), groq.close(), anthropic.close(), ollama.close()]);
});

const cases: Case[] = [
  {
    name: 'openai',
    start: async () => ({
      provider: createOpenAiProvider({
        id: 'openai',
        apiKey: 'sk-test-abcdefghijklmnop',
        baseURL: `${openai.url}/v1`,
      }),
      steps: openai.steps,
      close: async () => {},
      bodies: () => openai.chatRequests(),
    }),
  },
  {
    name: 'groq',
    start: async () => ({
      provider: createGroqProvider({ apiKey: 'gsk_test', baseURL: groq.url }),
      steps: groq.steps,
      close: async () => {},
      bodies: () => groq.chatRequests(),
    }),
  },
  {
    name: 'anthropic',
    start: async () => ({
      provider: createAnthropicProvider({ apiKey: 'sk-ant-test', baseURL: anthropic.url }),
      steps: anthropic.steps,
      close: async () => {},
      bodies: () => anthropic.chatRequests(),
    }),
  },
  {
    name: 'ollama',
    start: async () => ({
      provider: createOllamaProvider({ host: () => ollama.url }),
      steps: ollama.steps,
      close: async () => {},
      bodies: () => ollama.chatRequests(),
    }),
  },
];

describe.each(cases)('$name provider through its SDK', (c) => {
  it('streams text deltas, usage and the finish reason', async () => {
    const { provider, steps } = await c.start();
    steps.push({ text: ['Here ', 'are ', 'pads.'], usage: { input: 21, output: 7 } });
    const events = await collect(provider);
    expect(
      events
        .filter((e) => e.type === 'text')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe('Here are pads.');
    expect(events.at(-1)).toEqual({
      type: 'done',
      finishReason: 'stop',
      usage: { inputTokens: 21, outputTokens: 7 },
    });
  });

  it('assembles streamed tool calls and sends the tools', async () => {
    const { provider, steps, bodies } = await c.start();
    steps.push({
      toolCalls: [
        { id: 'call_a', name: 'search_samples', arguments: '{"text":"dark pad"}', pieces: 4 },
        { id: 'call_b', name: 'search_samples', arguments: '{"text":"808"}' },
      ],
    });
    const events = await collect(provider, { tools: TOOLS });
    const calls = events
      .filter((e) => e.type === 'tool_call')
      .map((e) => (e as { call: { name: string; input: unknown } }).call);
    expect(calls.map((x) => x.input)).toEqual([{ text: 'dark pad' }, { text: '808' }]);
    expect(calls.every((x) => x.name === 'search_samples')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
    expect(JSON.stringify(bodies().at(-1))).toContain('search_samples');
  });

  it('reports the output cap as finish reason length', async () => {
    const { provider, steps } = await c.start();
    const reason = { openai: 'length', groq: 'length', anthropic: 'max_tokens', ollama: 'length' }[
      c.name
    ]!;
    steps.push({ text: 'cut', finishReason: reason });
    expect((await collect(provider)).at(-1)).toMatchObject({
      type: 'done',
      finishReason: 'length',
    });
  });

  it('classifies 429 with Retry-After', async () => {
    const { provider, steps } = await c.start();
    steps.push({ status: 429, headers: { 'retry-after': '3' } });
    const e = await failure(provider);
    expect(e.kind).toBe('rate_limit');
    // The ollama package does not expose response headers (a local Ollama never rate-limits).
    expect(e.retryAfterMs).toBe(c.name === 'ollama' ? null : 3000);
    expect(e.transient).toBe(true);
  });

  it('classifies 500 as a server error and 401 as auth', async () => {
    const { provider, steps } = await c.start();
    steps.push({ status: 500 }, { status: 401 });
    expect((await failure(provider)).kind).toBe('server');
    const auth = await failure(provider);
    expect(auth.kind).toBe('auth');
    expect(auth.transient).toBe(false);
  });

  it('reports a stream cut halfway as incomplete', async () => {
    const { provider, steps } = await c.start();
    steps.push({ text: 'one two three four five', cutAfter: 3 });
    expect(['incomplete', 'network']).toContain((await failure(provider)).kind);
  });

  it('reports a malformed frame', async () => {
    const { provider, steps } = await c.start();
    steps.push({ text: 'one two three', malformedAt: 1 });
    if (c.name === 'ollama') {
      // The ollama package skips a line that is not JSON and reads on.
      const events = await collect(provider);
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      return;
    }
    expect(['malformed', 'server', 'incomplete']).toContain((await failure(provider)).kind);
  });

  it('lists models and answers a health check', async () => {
    const { provider } = await c.start();
    const models = await provider.listModels();
    expect(models.length).toBeGreaterThan(0);
    const h = await provider.health();
    expect(h.models).toEqual(models);
    expect(h.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('stops when the caller aborts', async () => {
    const { provider, steps } = await c.start();
    steps.push({ text: 'a b c d e f g', gapMs: 200 });
    const controller = new AbortController();
    const seen: ProviderEvent[] = [];
    let thrown: unknown = null;
    try {
      for await (const ev of provider.chat(
        { model: 'm', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10 },
        controller.signal,
      )) {
        seen.push(ev);
        controller.abort();
      }
    } catch (error) {
      thrown = error;
    }
    expect(seen.length).toBeLessThan(7);
    // Some SDKs end the iterator quietly on abort, others throw: then it says cancelled.
    if (thrown) expect((thrown as ProviderError).kind).toBe('cancelled');
  });
});

describe('provider specifics', () => {
  it('openai: JSON mode, tool-call history and reasoning-model parameters', async () => {
    const p = createOpenAiProvider({
      id: 'openai',
      apiKey: 'sk-test',
      baseURL: `${openai.url}/v1`,
    });
    openai.steps.push({ text: '{"ok":true}' });
    await collect(p, {
      model: 'gpt-5-mini',
      json: true,
      temperature: 0.2,
      messages: [
        { role: 'user', content: 'tag it' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'c1', name: 'search_samples', arguments: '{"text":"x"}', input: { text: 'x' } },
          ],
        },
        { role: 'tool', toolCallId: 'c1', name: 'search_samples', content: '[]' },
      ],
    });
    const body = openai.chatRequests().at(-1)!;
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.max_completion_tokens).toBe(100);
    expect(body.temperature).toBeUndefined();
    expect(body.stream_options).toEqual({ include_usage: true });
    const messages = body.messages as Array<Record<string, unknown>>;
    expect(messages[0]).toMatchObject({ role: 'system' });
    expect(messages.some((m) => m.role === 'tool' && m.tool_call_id === 'c1')).toBe(true);
  });

  it('openai-compatible (DeepSeek/Gemini): max_tokens, Gemini model names, no embeddings on DeepSeek', async () => {
    const gemini = createOpenAiProvider({
      id: 'gemini',
      apiKey: 'AIza-test',
      baseURL: `${openai.url}/v1beta/openai/`,
    });
    openai.steps.push({ text: 'hi' });
    await collect(gemini, { model: 'gemini-2.5-flash', temperature: 0.5 });
    const body = openai.chatRequests().at(-1)!;
    expect(body.max_tokens).toBe(100);
    expect(body.temperature).toBe(0.5);
    const deepseek = createOpenAiProvider({
      id: 'deepseek',
      apiKey: 'sk-test',
      baseURL: openai.url,
    });
    expect(deepseek.embed).toBeUndefined();
  });

  it('openai embeddings keep input order', async () => {
    const p = createOpenAiProvider({
      id: 'openai',
      apiKey: 'sk-test',
      baseURL: `${openai.url}/v1`,
    });
    const r = await p.embed!(
      { model: 'text-embedding-3-small', input: ['kick', 'snare'] },
      new AbortController().signal,
    );
    expect(r.vectors).toHaveLength(2);
    expect(r.vectors[0]).not.toEqual(r.vectors[1]);
    expect(r.usage.inputTokens).toBeGreaterThan(0);
  });

  it('anthropic: system apart, tool results grouped, JSON instruction', async () => {
    const p = createAnthropicProvider({ apiKey: 'sk-ant-test', baseURL: anthropic.url });
    anthropic.steps.push({ text: '{}' });
    await collect(p, {
      json: true,
      tools: TOOLS,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'find' },
        {
          role: 'assistant',
          content: 'Looking',
          toolCalls: [
            { id: 't1', name: 'search_samples', arguments: '{"text":"a"}', input: { text: 'a' } },
            { id: 't2', name: 'search_samples', arguments: '{"text":"b"}', input: { text: 'b' } },
          ],
        },
        { role: 'tool', toolCallId: 't1', name: 'search_samples', content: '[1]' },
        { role: 'tool', toolCallId: 't2', name: 'search_samples', content: '[2]' },
      ],
    });
    const body = anthropic.chatRequests().at(-1)!;
    expect(body.system).toContain('Be brief.');
    expect(body.system).toContain('JSON');
    const messages = body.messages as Array<{ role: string; content: unknown }>;
    expect(messages).toHaveLength(3);
    expect((messages[2]!.content as unknown[]).length).toBe(2);
    expect((body.tools as Array<{ input_schema: { type: string } }>)[0]!.input_schema.type).toBe(
      'object',
    );
  });

  it('ollama: options, format json, native tool calls, embeddings, pull-free model listing', async () => {
    const p = createOllamaProvider({ host: () => ollama.url });
    ollama.steps.push({ text: '{}' });
    await collect(p, { json: true, contextTokens: 4096, temperature: 0 });
    const body = ollama.chatRequests().at(-1)!;
    expect(body.format).toBe('json');
    expect(body.options).toEqual({ num_predict: 100, num_ctx: 4096, temperature: 0 });
    const emb = await p.embed!(
      { model: 'nomic-embed-text', input: ['kick'] },
      new AbortController().signal,
    );
    expect(emb.vectors[0]).toHaveLength(8);
    expect(await p.listModels()).toContain('nomic-embed-text');
    const h = await p.health();
    expect(h.version).toBe('0.12.9');
  });

  it('ollama: tool-call history goes back as native tool calls and tool results', async () => {
    const p = createOllamaProvider({ host: () => ollama.url });
    ollama.steps.push({ text: 'ok' });
    await collect(p, {
      tools: TOOLS,
      messages: [
        { role: 'system', content: 's' },
        { role: 'user', content: 'find' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'c1', name: 'search_samples', arguments: '{"text":"a"}', input: { text: 'a' } },
            { id: 'c2', name: 'search_samples', arguments: 'broken', input: null },
          ],
        },
        { role: 'tool', toolCallId: 'c1', name: 'search_samples', content: '[1]' },
        { role: 'assistant', content: 'Found one.' },
      ],
    });
    const messages = ollama.chatRequests().at(-1)!.messages as Array<Record<string, unknown>>;
    expect(messages[2]).toMatchObject({
      role: 'assistant',
      tool_calls: [
        { function: { name: 'search_samples', arguments: { text: 'a' } } },
        { function: { name: 'search_samples', arguments: {} } },
      ],
    });
    expect(messages[3]).toEqual({ role: 'tool', content: '[1]', tool_name: 'search_samples' });
    expect(messages[4]).toEqual({ role: 'assistant', content: 'Found one.' });
  });

  it('ollama: unknown embedding model is a bad request; no host is a network error', async () => {
    const p = createOllamaProvider({ host: () => ollama.url });
    await expect(
      p.embed!({ model: 'nope', input: ['x'] }, new AbortController().signal),
    ).rejects.toMatchObject({
      kind: 'bad_request',
    });
    const none = createOllamaProvider({ host: () => null });
    await expect(none.listModels()).rejects.toMatchObject({ kind: 'network' });
    const refused = createOllamaProvider({ host: () => 'http://127.0.0.1:9' });
    await expect(refused.health()).rejects.toMatchObject({ kind: 'network' });
  });

  it('groq: an error inside the stream is a server error', async () => {
    const p = createGroqProvider({ apiKey: 'gsk_test', baseURL: groq.url });
    groq.steps.push({ text: 'x', errorBody: undefined, malformedAt: 99 });
    const events = await collect(p);
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });
});
