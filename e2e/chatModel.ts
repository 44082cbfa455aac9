/**
 * The scripted model behind the chat E2E: the repo's protocol-level fake Ollama (NDJSON
 * /api/chat with native tool calls, /api/tags, /api/version) and a fake Groq (SSE), both
 * real HTTP servers on 127.0.0.1 in the test process. What they answer depends only on
 * the conversation they are sent (the question, the tool results so far), never on the
 * order of requests, so retries and health checks cannot shift the script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatStep } from '../electron/ai/test-support/chatScript';
import type { RecordedRequest } from '../electron/ai/test-support/fakeHttp';
import { startFakeOllama, type FakeOllama } from '../electron/ai/test-support/fakeOllama';
import { startFakeOpenAi, type FakeOpenAi } from '../electron/ai/test-support/fakeOpenAi';

/** A local model of the quality the chat asks for ('standard'), so the router picks it first. */
export const OLLAMA_MODEL = 'qwen3:8b';
/** Groq's cheapest 'standard' model in the price table: the router's cloud choice for chat. */
export const GROQ_MODEL = 'openai/gpt-oss-20b';
/** Looks like a Groq key to the app; only the fake ever sees it. */
export const FAKE_GROQ_KEY = 'gsk_e2eFakeKey0123456789abcdef';

export interface ToolResult {
  tool: string;
  ok: boolean;
  data: Record<string, unknown> | null;
}

/** What one request is about: the newest question and the tool results after it. */
export interface TurnView {
  question: string;
  results: ToolResult[];
}

interface WireMessage {
  role?: string;
  content?: unknown;
}

export function turnOf(request: RecordedRequest): TurnView {
  const messages = ((request.body as { messages?: WireMessage[] } | null)?.messages ??
    []) as WireMessage[];
  let last = -1;
  messages.forEach((m, i) => {
    if (m.role === 'user') last = i;
  });
  const text = (m: WireMessage | undefined) => (typeof m?.content === 'string' ? m.content : '');
  const results = messages.slice(last + 1).flatMap((m): ToolResult[] => {
    if (m.role !== 'tool') return [];
    try {
      const r = JSON.parse(text(m)) as { tool?: string; ok?: boolean; data?: unknown };
      return [
        {
          tool: r.tool ?? '',
          ok: r.ok === true,
          data: (r.data ?? null) as Record<string, unknown> | null,
        },
      ];
    } catch {
      return [];
    }
  });
  return { question: text(messages[last]).toLowerCase(), results };
}

/** Sample ids a search_samples result carried. */
export function idsFrom(result: ToolResult | undefined): number[] {
  const samples = (result?.data?.samples ?? []) as Array<{ id?: unknown }>;
  return samples.flatMap((s) => (typeof s.id === 'number' ? [s.id] : []));
}

const call = (name: string, args: Record<string, unknown>) => ({
  name,
  arguments: JSON.stringify(args),
});

/** Questions the E2E asks, and the names it expects back. */
export const QUESTIONS = {
  answer: 'find me a punchy kick',
  write: 'make a collection of my 808 snares and tag them',
  fallback: 'which hats do I have?',
  error: 'tell me about my toms',
} as const;

export const COLLECTION_NAME = 'Chat 808 snares';
export const CHAT_TAG = 'chat-picked';
export const ANSWER_TEXT =
  'Here are the punchiest kicks in your library: the 808 long kick has the most body, the short one cuts through a busy mix. Click one to hear it.';

/** Ollama: the local model, first choice of the router. */
export function ollamaScript(request: RecordedRequest): ChatStep {
  const { question, results } = turnOf(request);
  if (question.includes('punchy kick')) {
    if (results.length === 0) {
      return { toolCalls: [call('search_samples', { text: 'kick', limit: 5 })] };
    }
    // Streamed a word at a time, slowly enough that the test sees it arrive.
    return { text: ANSWER_TEXT, gapMs: 40 };
  }
  if (question.includes('808 snares')) {
    const search = results.find((r) => r.tool === 'search_samples');
    if (!search) return { toolCalls: [call('search_samples', { text: '808 snare', limit: 10 })] };
    if (!results.some((r) => r.tool === 'create_collection')) {
      const sampleIds = idsFrom(search);
      return {
        toolCalls: [
          call('create_collection', { name: COLLECTION_NAME, sampleIds }),
          call('tag_samples', { sampleIds, add: [CHAT_TAG] }),
        ],
      };
    }
    return {
      text: `I proposed a collection '${COLLECTION_NAME}' and the tag '${CHAT_TAG}'. Confirm them below.`,
    };
  }
  // The local model fails these two: a server error every time it is asked.
  if (question.includes('hats') || question.includes('toms')) {
    return { status: 500, errorBody: { error: 'model runner has unexpectedly stopped' } };
  }
  return { text: 'I can search your library, make collections and tag samples.' };
}

/** Groq: the cloud fallback; answers the hats question, fails the toms one too. */
export function groqScript(request: RecordedRequest): ChatStep {
  const { question, results } = turnOf(request);
  if (question.includes('toms')) return { status: 503 };
  if (question.includes('hats') && results.length === 0) {
    return { toolCalls: [call('search_samples', { text: 'hat', limit: 5 })] };
  }
  return { text: 'You have closed, open and pedal hats from the 808 kit.' };
}

export interface ScriptedModels {
  ollama: FakeOllama;
  groq: FakeOpenAi;
  close(): Promise<void>;
}

export async function startScriptedModels(): Promise<ScriptedModels> {
  const ollama = await startFakeOllama({
    models: [OLLAMA_MODEL, 'nomic-embed-text:latest'],
    answer: ollamaScript,
  });
  const groq = await startFakeOpenAi({ flavor: 'groq', models: [GROQ_MODEL], answer: groqScript });
  return {
    ollama,
    groq,
    close: async () => {
      await Promise.all([ollama.close(), groq.close()]);
    },
  };
}

/**
 * The built-in price table with Groq's address pointed at the fake: written as
 * <data dir>/ai-models.json, which the app reads instead of its own table.
 */
export function writePriceTable(dataDir: string, groqUrl: string): void {
  const table = JSON.parse(readFileSync('resources/ai/models.json', 'utf8')) as {
    providers: Record<string, { baseURL: string }>;
  };
  table.providers.groq!.baseURL = groqUrl;
  writeFileSync(join(dataDir, 'ai-models.json'), JSON.stringify(table, null, 2));
}
