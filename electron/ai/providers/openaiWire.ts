/**
 * The OpenAI chat-completions wire format, shared by OpenAI, Groq, DeepSeek and
 * Gemini's OpenAI-compatible endpoint: our messages/tools out, streamed chunks in.
 */
import { ProviderError } from '../errors';
import { ToolCallAssembler } from '../toolCalls';
import type {
  AiProviderId,
  ChatMessage,
  FinishReason,
  ProviderChatRequest,
  ProviderEvent,
  TokenUsage,
  ToolSpec,
} from '../types';

export type OpenAiMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: Array<{
        id: string;
        type: 'function';
        function: { name: string; arguments: string };
      }>;
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAiTool {
  type: 'function';
  function: { name: string; description: string; parameters: { [key: string]: unknown } };
}

export function toOpenAiMessages(messages: ChatMessage[], json: boolean): OpenAiMessage[] {
  const out: OpenAiMessage[] = messages.map((m): OpenAiMessage => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'assistant':
        return m.toolCalls && m.toolCalls.length > 0
          ? {
              role: 'assistant',
              content: m.content === '' ? null : m.content,
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : { role: 'assistant', content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
    }
  });
  // JSON mode requires the word "JSON" in the conversation.
  if (json && !messages.some((m) => /json/i.test(m.content))) {
    out.unshift({ role: 'system', content: 'Answer with a single JSON object.' });
  }
  return out;
}

export function toOpenAiTools(tools: ToolSpec[] | undefined): OpenAiTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

/**
 * The streamed chat-completions request both OpenAI-style SDKs take (openai, groq-sdk),
 * without its length cap. `temperature: false` leaves the request's temperature out
 * (OpenAI's reasoning models refuse one).
 */
export function toOpenAiChatRequest(request: ProviderChatRequest, temperature = true) {
  const tools = toOpenAiTools(request.tools);
  return {
    model: request.model,
    messages: toOpenAiMessages(request.messages, request.json === true),
    stream: true as const,
    ...(tools ? { tools } : {}),
    ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
    ...(request.temperature !== undefined && temperature
      ? { temperature: request.temperature }
      : {}),
  };
}

/** The parts of a streamed chunk we read (OpenAI's and Groq's chunk types both fit). */
export interface OpenAiLikeChunk {
  choices?: Array<{
    delta?: {
      content?: string | null;
      tool_calls?: Array<{
        index: number;
        id?: string | null;
        function?: { name?: string | null; arguments?: string | null } | null;
      }> | null;
    } | null;
    finish_reason?: string | null;
  }> | null;
  usage?: OpenAiUsage | null;
  /** Groq sends usage (and stream errors) here on the final chunk. */
  x_groq?: { usage?: OpenAiUsage | null; error?: string | null } | null;
}

interface OpenAiUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
}

export function mapOpenAiFinish(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return reason;
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}

/** Reads a chunk stream into normalised events; throws `incomplete` when it ends early. */
export async function* readOpenAiStream(
  provider: AiProviderId,
  chunks: AsyncIterable<OpenAiLikeChunk>,
): AsyncGenerator<ProviderEvent> {
  const tools = new ToolCallAssembler();
  let finish: string | null = null;
  let usage: TokenUsage | null = null;
  for await (const chunk of chunks) {
    if (chunk.x_groq?.error) {
      throw new ProviderError(provider, 'server', `stream error: ${chunk.x_groq.error}`);
    }
    const u = chunk.usage ?? chunk.x_groq?.usage;
    if (u) {
      usage = { inputTokens: u.prompt_tokens ?? 0, outputTokens: u.completion_tokens ?? 0 };
    }
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta;
      if (delta?.content) yield { type: 'text', text: delta.content };
      for (const tc of delta?.tool_calls ?? []) {
        tools.add(tc.index, { id: tc.id, name: tc.function?.name, args: tc.function?.arguments });
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
  }
  if (finish === null) {
    throw new ProviderError(provider, 'incomplete', 'the stream ended before the answer finished');
  }
  const calls = tools.finish();
  for (const call of calls) yield { type: 'tool_call', call };
  const reason = mapOpenAiFinish(finish);
  yield {
    type: 'done',
    finishReason: calls.length > 0 && reason === 'stop' ? 'tool_calls' : reason,
    usage,
  };
}
