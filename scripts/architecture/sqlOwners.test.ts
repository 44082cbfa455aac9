import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sqlLeak, sqlLeaksUnder, tablesNamedIn } from './sqlOwners';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('SQL ownership', () => {
  it('no file outside a table’s owner runs SQL on it', () => {
    expect(sqlLeaksUnder(ROOT, 'electron')).toEqual([]);
  });

  it('finds the tables a query names', () => {
    expect(
      tablesNamedIn(
        [
          "db.prepare('SELECT path, format FROM samples WHERE id = ?')",
          '`INSERT INTO sample_tags(sample_id) VALUES (?)`',
          "'UPDATE folders SET watch = 1'",
          'FROM tags t JOIN collection_samples cs ON 1 WHERE x IN (SELECT value FROM json_each(?))',
          'CREATE TABLE IF NOT EXISTS chat_messages (id)',
          '// samples from the folder',
        ].join('\n'),
      ),
    ).toEqual([
      'samples',
      'sample_tags',
      'folders',
      'tags',
      'collection_samples',
      'json_each',
      'chat_messages',
    ]);
  });

  it('flags a table named outside its owner, and an unowned table', () => {
    expect(sqlLeak('electron/media/sampleFile.ts', 'samples')).toBe(
      'electron/media/sampleFile.ts: SQL on samples, owned by electron/library',
    );
    expect(sqlLeak('electron/ai/chat/tagging/taggingJob.ts', 'settings')).not.toBeNull();
    expect(sqlLeak('electron/library/search/search.ts', 'chat_messages')).not.toBeNull();
    expect(sqlLeak('electron/ai/x.ts', 'new_table')).toBe(
      'electron/ai/x.ts: table new_table has no owner in TABLE_OWNERS',
    );
  });

  it('lets owners, the migrations and SQLite built-ins through', () => {
    expect(sqlLeak('electron/library/search/search.ts', 'samples')).toBeNull();
    expect(sqlLeak('electron/ai/chat/chatStore.ts', 'chat_messages')).toBeNull();
    expect(sqlLeak('electron/ai/budgets.ts', 'ai_calls')).toBeNull();
    expect(sqlLeak('electron/library/migrations/001-initial.ts', 'ai_budgets')).toBeNull();
    expect(sqlLeak('electron/media/x.ts', 'json_each')).toBeNull();
    expect(sqlLeak('electron/libraryish/x.ts', 'samples')).not.toBeNull();
  });
});
