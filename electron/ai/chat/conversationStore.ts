/**
 * Conversations and their messages in SQLite (chat_conversations, chat_messages): what
 * the user asked, what the assistant answered and which tools it called with what result.
 */
import type { AiProviderId } from '../../../shared/schemas/ai';
import { AI_PROVIDER_IDS } from '../../../shared/schemas/ai';
import type {
  ChatConversationInfo,
  ChatMessageInfo,
  ChatToolCallInfo,
} from '../../../shared/contract/chat';
import { AppError } from '../../../shared/result';
import type { Db } from '../../library/db';

interface MessageRow {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  tool_calls_json: string | null;
  tool_call_id: string | null;
  sample_refs_json: string | null;
  provider: string | null;
  model: string | null;
  cost_usd: number | null;
  created_at: number;
}

/** What a tool message stores besides its content: the tool's name and sample ids. */
interface ToolRefs {
  tool?: string;
  ids?: number[];
}

export interface NewMessage {
  role: 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls?: ChatToolCallInfo[];
  toolCallId?: string;
  toolName?: string;
  sampleIds?: number[];
  provider?: AiProviderId | null;
  model?: string | null;
  costUsd?: number | null;
}

const INFO_SQL = `SELECT c.id, c.title, c.created_at AS createdAt, c.updated_at AS updatedAt,
  (SELECT count(*) FROM chat_messages m WHERE m.conversation_id = c.id AND m.role <> 'tool') AS messageCount,
  (SELECT coalesce(sum(m.cost_usd), 0) FROM chat_messages m WHERE m.conversation_id = c.id) AS costUsd
  FROM chat_conversations c`;

function isProvider(value: string | null): value is AiProviderId {
  return value !== null && (AI_PROVIDER_IDS as readonly string[]).includes(value);
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A title from the first question: its first line, cut at a word near 60 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

export class ConversationStore {
  constructor(private readonly db: Db) {}

  create(title: string, now = Date.now()): ChatConversationInfo {
    const id = Number(
      this.db
        .prepare('INSERT INTO chat_conversations(title, created_at, updated_at) VALUES (?, ?, ?)')
        .run(title, now, now).lastInsertRowid,
    );
    return this.info(id);
  }

  info(id: number): ChatConversationInfo {
    const row = this.db.prepare(`${INFO_SQL} WHERE c.id = ?`).get(id) as
      ChatConversationInfo | undefined;
    if (!row) throw new AppError('NOT_FOUND', `conversation ${id} does not exist`);
    return row;
  }

  list(limit = 200): ChatConversationInfo[] {
    return this.db
      .prepare(`${INFO_SQL} ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`)
      .all(limit) as ChatConversationInfo[];
  }

  rename(id: number, title: string): ChatConversationInfo {
    this.info(id);
    this.db.prepare('UPDATE chat_conversations SET title = ? WHERE id = ?').run(title, id);
    return this.info(id);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM chat_conversations WHERE id = ?').run(id).changes > 0;
  }

  /** Total cost of a conversation's answers so far. */
  cost(id: number): number {
    return this.info(id).costUsd;
  }

  append(conversationId: number, message: NewMessage, now = Date.now()): number {
    const refs: ToolRefs | null =
      message.role === 'tool'
        ? { tool: message.toolName ?? '', ids: message.sampleIds ?? [] }
        : message.sampleIds && message.sampleIds.length > 0
          ? { ids: message.sampleIds }
          : null;
    const id = this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          `INSERT INTO chat_messages(conversation_id, role, content, tool_calls_json, tool_call_id,
             sample_refs_json, provider, model, cost_usd, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          conversationId,
          message.role,
          message.content,
          message.toolCalls && message.toolCalls.length > 0
            ? JSON.stringify(message.toolCalls)
            : null,
          message.toolCallId ?? null,
          refs === null ? null : JSON.stringify(refs),
          message.provider ?? null,
          message.model ?? null,
          message.costUsd ?? null,
          now,
        );
      this.db
        .prepare('UPDATE chat_conversations SET updated_at = ? WHERE id = ?')
        .run(now, conversationId);
      return Number(inserted.lastInsertRowid);
    })();
    return id;
  }

  messages(conversationId: number): ChatMessageInfo[] {
    const rows = this.db
      .prepare('SELECT * FROM chat_messages WHERE conversation_id = ? ORDER BY id')
      .all(conversationId) as MessageRow[];
    return rows.map((r) => {
      const refs = parseJson<ToolRefs>(r.sample_refs_json, {});
      return {
        id: r.id,
        role: r.role,
        content: r.content,
        toolCalls: parseJson<ChatToolCallInfo[]>(r.tool_calls_json, []),
        toolCallId: r.tool_call_id,
        toolName: r.role === 'tool' ? (refs.tool ?? null) : null,
        sampleIds: Array.isArray(refs.ids) ? refs.ids.filter((n) => Number.isInteger(n)) : [],
        provider: isProvider(r.provider) ? r.provider : null,
        model: r.model,
        costUsd: r.cost_usd,
        createdAt: r.created_at,
      };
    });
  }
}
