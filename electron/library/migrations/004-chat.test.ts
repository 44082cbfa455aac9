import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';

describe('migration 004: chat storage', () => {
  it('stores a conversation with messages and proposed actions, deleted together', () => {
    const db = openDatabase(':memory:');
    db.prepare(
      "INSERT INTO chat_conversations (id, title, created_at, updated_at) VALUES (1, 'Dark loops', 0, 0)",
    ).run();
    const msg = db
      .prepare(
        "INSERT INTO chat_messages (conversation_id, role, content, created_at) VALUES (1, 'assistant', 'Here', 0)",
      )
      .run();
    db.prepare(
      "INSERT INTO chat_actions (conversation_id, message_id, tool, args_json, created_at) VALUES (1, ?, 'tag_samples', '{}', 0)",
    ).run(msg.lastInsertRowid);
    expect(db.prepare('SELECT state FROM chat_actions').get()).toEqual({ state: 'proposed' });
    expect(() =>
      db
        .prepare(
          "INSERT INTO chat_messages (conversation_id, role, content, created_at) VALUES (1, 'system', 'x', 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM chat_conversations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM chat_messages').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM chat_actions').get()).toEqual({ n: 0 });
    db.close();
  });
});
