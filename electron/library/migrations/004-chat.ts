import type { Migration } from './types';

/** Chat conversations with the assistant, and write actions it proposed for the user to confirm. */
export const chatStorage: Migration = {
  version: 4,
  name: 'chat conversations, messages and proposed actions',
  up(db) {
    db.exec(`
      CREATE TABLE chat_conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX chat_conversations_updated ON chat_conversations(updated_at);

      CREATE TABLE chat_messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES chat_conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
        content TEXT NOT NULL,
        -- assistant: the tool calls it made; tool: the call it answers and its structured result.
        tool_calls_json TEXT,
        tool_call_id TEXT,
        -- Structured sample references the UI renders as playable rows (JSON array of ids).
        sample_refs_json TEXT,
        provider TEXT,
        model TEXT,
        cost_usd REAL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX chat_messages_conversation ON chat_messages(conversation_id, id);

      CREATE TABLE chat_actions (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES chat_conversations(id) ON DELETE CASCADE,
        message_id INTEGER REFERENCES chat_messages(id) ON DELETE SET NULL,
        tool TEXT NOT NULL,
        args_json TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'proposed'
          CHECK (state IN ('proposed', 'applied', 'dismissed', 'failed')),
        result_json TEXT,
        created_at INTEGER NOT NULL,
        decided_at INTEGER
      );
      CREATE INDEX chat_actions_conversation ON chat_actions(conversation_id, state);
    `);
  },
};
