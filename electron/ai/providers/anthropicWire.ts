/**
 * Anthropic's Messages API wire format: our messages/tools out (system apart, tool
 * results as user blocks), the streamed events (message_start, content_block_*,
 * input_json_delta, message_delta, message_stop) in.
 */
import { ProviderError } from '../errors';
import { ToolCallAssembler } from '../toolCalls';
import type {
  AiProviderId,
  ChatMessage,
  FinishReason,
  ProviderEvent,
  TokenUsage,
  ToolSpec,
} from '../types';

type TextBlock = { type: 'text'; text: string };
type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: unknown };
type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content: string };

export type AnthropicMessage =
  | { role: 'user'; content: string | Array<TextBlock | ToolResultBlock> }
  | { role: 'assistant'; content: string | Array<TextBlock | ToolUseBlock> };

export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: { type: 'object'; [key: string]: unknown };
}

export function toAnthropicRequest(
  messages: ChatMessage[],
  json: boolean,
): { system: string | undefined; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const out: AnthropicMessage[] = [];
  for (const m of messages) {
    if (m.role === 'system') {
      system.push(m.content);
    } else if (m.role === 'user') {
      out.push({ role: 'user', content: m.content });
    } else if (m.role === 'assistant') {
      if (m.toolCalls && m.toolCalls.length > 0) {
        const blocks: Array<TextBlock | ToolUseBlock> = [];
        if (m.content !== '') blocks.push({ type: 'text', text: m.content });
        for (const c of m.toolCalls) {
          blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: c.input ?? {} });
        }
        out.push({ role: 'assistant', content: blocks });
      } else {
        out.push({ role: 'assistant', content: m.content });
      }
    } else {
      const block: ToolResultBlock = {
        type: 'tool_result',
        tool_use_id: m.toolCallId,
        content: m.content,
      };
      const last = out[out.length - 1];
      // Results of parallel tool calls go back together, in one user turn.
      if (
        last?.role === 'user' &&
        Array.isArray(last.content) &&
        last.content[0]?.type === 'tool_result'
      ) {
        (last.content as Array<TextBlock | ToolResultBlock>).push(block);
      } else {
        out.push({ role: 'user', content: [block] });
      }
    }
  }
  if (json) system.push('Answer with a single JSON object and nothing else.');
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages: out };
}

export function toAnthropicTools(tools: ToolSpec[] | undefined): AnthropicTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    input_schema: { ...t.parameters, type: 'object' },
  }));
}

export function mapAnthropicStop(reason: string | null): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

/** The parts of the stream events we read. */
export type AnthropicLikeEvent =
  | { type: 'message_start'; message: { usage: AnthropicUsage } }
  | {
      type: 'content_block_start';
      index: number;
      content_block: { type: string; text?: string; id?: string; name?: string; input?: unknown };
    }
  | {
      type: 'content_block_delta';
      index: number;
      delta: { type: string; text?: string; partial_json?: string };
    }
  | { type: 'content_block_stop'; index: number }
  | { type: 'message_delta'; delta: { stop_reason: string | null }; usage: AnthropicUsage }
  | { type: 'message_stop' };

function inputTokens(u: AnthropicUsage): number {
  return (
    (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0)
  );
}

export async function* readAnthropicStream(
  provider: AiProviderId,
  events: AsyncIterable<AnthropicLikeEvent>,
): AsyncGenerator<ProviderEvent> {
  const tools = new ToolCallAssembler();
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let sawUsage = false;
  let stop: string | null = null;
  let stopped = false;
  for await (const ev of events) {
    switch (ev.type) {
      case 'message_start':
        usage.inputTokens = inputTokens(ev.message.usage);
        usage.outputTokens = ev.message.usage.output_tokens ?? 0;
        sawUsage = true;
        break;
      case 'content_block_start':
        if (ev.content_block.type === 'tool_use') {
          tools.add(ev.index, { id: ev.content_block.id, name: ev.content_block.name });
        } else if (ev.content_block.type === 'text' && ev.content_block.text) {
          yield { type: 'text', text: ev.content_block.text };
        }
        break;
      case 'content_block_delta':
        if (ev.delta.type === 'text_delta' && ev.delta.text) {
          yield { type: 'text', text: ev.delta.text };
        } else if (ev.delta.type === 'input_json_delta' && ev.delta.partial_json) {
          tools.add(ev.index, { args: ev.delta.partial_json });
        }
        break;
      case 'message_delta':
        stop = ev.delta.stop_reason;
        if (ev.usage.input_tokens != null) usage.inputTokens = inputTokens(ev.usage);
        if (ev.usage.output_tokens != null) usage.outputTokens = ev.usage.output_tokens;
        sawUsage = true;
        break;
      case 'message_stop':
        stopped = true;
        break;
      default:
        break;
    }
  }
  if (!stopped) {
    throw new ProviderError(provider, 'incomplete', 'the stream ended before message_stop');
  }
  const calls = tools.finish();
  for (const call of calls) yield { type: 'tool_call', call };
  yield { type: 'done', finishReason: mapAnthropicStop(stop), usage: sawUsage ? usage : null };
}
