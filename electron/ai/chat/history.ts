/** Stored messages back into the router's message shape, with a cap on how far back it goes. */
import type { ChatMessageInfo } from '../../../shared/contract/chat';
import type { ChatMessage } from '../types';

/** User questions kept in the context (older turns are left out). */
export const HISTORY_TURNS = 12;

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function toRouterMessages(
  stored: readonly ChatMessageInfo[],
  turns = HISTORY_TURNS,
): ChatMessage[] {
  const userIdx = stored.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const start = userIdx.length > turns ? userIdx[userIdx.length - turns]! : 0;
  const out: ChatMessage[] = [];
  const openCalls = new Set<string>();
  for (const m of stored.slice(start)) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'assistant') {
      const toolCalls = m.toolCalls.map((c) => ({
        id: c.id,
        name: c.name,
        arguments: c.arguments,
        input: parseArgs(c.arguments),
      }));
      for (const c of toolCalls) openCalls.add(c.id);
      out.push(
        toolCalls.length > 0
          ? { role: 'assistant', content: m.content, toolCalls }
          : { role: 'assistant', content: m.content },
      );
    } else if (m.toolCallId !== null && openCalls.has(m.toolCallId)) {
      out.push({
        role: 'tool',
        toolCallId: m.toolCallId,
        name: m.toolName ?? '',
        content: m.content,
      });
    }
  }
  return out;
}
