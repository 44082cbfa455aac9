/**
 * Write actions the assistant proposed (chat_actions). A row starts as `proposed` and
 * only the user's confirmation (chat.confirmAction) applies it; nothing the model says
 * can move it out of `proposed`.
 */
import type { ChatActionInfo, ChatActionState, ChatWriteTool } from '../../../shared/contract/chat';
import { CHAT_WRITE_TOOLS } from '../../../shared/schemas/chat';
import { AppError } from '../../../shared/result';
import type { Db } from '../../library/db';

interface ActionRow {
  id: number;
  conversation_id: number;
  tool: string;
  args_json: string;
  state: ChatActionState;
  result_json: string | null;
  created_at: number;
  decided_at: number | null;
}

/** What the card shows and the ids it touches, stored with the arguments. */
export interface StoredActionArgs {
  args: Record<string, unknown>;
  summary: string;
  sampleIds: number[];
}

export function isWriteTool(name: string): name is ChatWriteTool {
  return (CHAT_WRITE_TOOLS as readonly string[]).includes(name);
}

function toInfo(row: ActionRow): ChatActionInfo {
  const stored = JSON.parse(row.args_json) as StoredActionArgs;
  if (!isWriteTool(row.tool)) throw new AppError('INTERNAL', `unknown action tool ${row.tool}`);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    tool: row.tool,
    args: stored.args,
    summary: stored.summary,
    sampleIds: stored.sampleIds,
    state: row.state,
    result:
      row.result_json === null ? null : (JSON.parse(row.result_json) as Record<string, unknown>),
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export class ActionStore {
  constructor(private readonly db: Db) {}

  propose(
    conversationId: number,
    messageId: number | null,
    tool: ChatWriteTool,
    stored: StoredActionArgs,
    now = Date.now(),
  ): ChatActionInfo {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO chat_actions(conversation_id, message_id, tool, args_json, state, created_at)
           VALUES (?, ?, ?, ?, 'proposed', ?)`,
        )
        .run(conversationId, messageId, tool, JSON.stringify(stored), now).lastInsertRowid,
    );
    return this.get(id);
  }

  get(id: number): ChatActionInfo {
    const row = this.db.prepare('SELECT * FROM chat_actions WHERE id = ?').get(id) as
      ActionRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `action ${id} does not exist`);
    return toInfo(row);
  }

  list(filter: { conversationId?: number; state?: ChatActionState } = {}): ChatActionInfo[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM chat_actions
          WHERE (@cid IS NULL OR conversation_id = @cid) AND (@state IS NULL OR state = @state)
          ORDER BY id`,
      )
      .all({ cid: filter.conversationId ?? null, state: filter.state ?? null }) as ActionRow[];
    return rows.map(toInfo);
  }

  /**
   * Moves a proposed action to its final state; throws CONFLICT when it was already
   * decided (a second click, or two windows).
   */
  decide(
    id: number,
    state: Exclude<ChatActionState, 'proposed'>,
    result: Record<string, unknown> | null,
    now = Date.now(),
  ): ChatActionInfo {
    const changed = this.db
      .prepare(
        `UPDATE chat_actions SET state = ?, result_json = ?, decided_at = ?
          WHERE id = ? AND state = 'proposed'`,
      )
      .run(state, result === null ? null : JSON.stringify(result), now, id).changes;
    if (changed === 0) {
      const current = this.get(id);
      throw new AppError('CONFLICT', `action ${id} was already ${current.state}`);
    }
    return this.get(id);
  }
}
