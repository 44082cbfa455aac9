/**
 * Token estimates before a call: about four characters per token for ranking, and a
 * pessimistic bound (one token per two UTF-8 bytes, plus per-message overhead) for the
 * budget reservation, so that a reservation is never smaller than the real bill.
 */
import type { ChatMessage, ToolSpec } from './types';

function messageText(messages: ChatMessage[], tools: ToolSpec[] | undefined): string {
  let text = '';
  for (const m of messages) {
    text += m.content;
    if (m.role === 'assistant' && m.toolCalls) {
      for (const c of m.toolCalls) text += c.name + c.arguments;
    }
  }
  if (tools && tools.length > 0) text += JSON.stringify(tools);
  return text;
}

/** Typical input tokens of the request. */
export function estimateInputTokens(messages: ChatMessage[], tools?: ToolSpec[]): number {
  return Math.ceil(messageText(messages, tools).length / 4) + 4 * messages.length;
}

/** An upper bound on the input tokens any tokenizer could bill for this request. */
export function worstCaseInputTokens(messages: ChatMessage[], tools?: ToolSpec[]): number {
  return (
    Math.ceil(Buffer.byteLength(messageText(messages, tools), 'utf8') / 2) +
    16 * messages.length +
    64
  );
}

/** Output tokens of a text we saw (when the provider reported no usage). */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
