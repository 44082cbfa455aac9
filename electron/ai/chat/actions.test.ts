import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatActionInfo, ChatSendResult } from '../../../shared/contract';
import { provideChatRouter } from './routerSlot';
import { createChatLibrary, type ChatLibrary } from './test-support/chatLibrary';
import { ScriptedRouter, type ScriptedTurn } from './test-support/scriptedRouter';

let lib: ChatLibrary;

beforeEach(async () => {
  lib = await createChatLibrary();
});
afterEach(async () => lib.dispose());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const r = await lib.app.dispatch(name, input, { origin: 'test' });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function propose(...calls: NonNullable<ScriptedTurn['toolCalls']>): Promise<ChatSendResult> {
  provideChatRouter(
    lib.app.db,
    ScriptedRouter.of({ toolCalls: calls }, { text: 'Waiting for you to confirm.' }),
  );
  return ok<ChatSendResult>('chat.send', { text: 'please do it' });
}

describe('proposed actions', () => {
  it('applies each write tool only when confirmed', async () => {
    const kick = lib.id('Kick Hard');
    const pad = lib.id('Airy Pad C');
    await ok('collections.create', { name: 'Keepers' });
    const res = await propose(
      {
        name: 'tag_samples',
        input: { sampleIds: [kick, 999999], add: ['Punchy'], remove: ['dark'] },
      },
      { name: 'set_rating', input: { sampleIds: [kick], rating: 5 } },
      { name: 'create_collection', input: { name: 'Pads', sampleIds: [pad] } },
      { name: 'add_to_collection', input: { collectionId: 1, sampleIds: [kick] } },
    );
    expect(res.actions.map((a) => [a.tool, a.summary, a.state])).toEqual([
      ['tag_samples', "Add tag 'punchy' and remove tag 'dark' on 1 sample", 'proposed'],
      ['set_rating', 'Rate 1 sample 5 stars', 'proposed'],
      ['create_collection', "Create collection 'Pads' with 1 sample", 'proposed'],
      ['add_to_collection', "Add 1 sample to collection 'Keepers'", 'proposed'],
    ]);
    const detail = await ok<{ rating: number; tags: string[]; collections: unknown[] }>(
      'library.getSample',
      { id: kick },
    );
    expect(detail).toMatchObject({ rating: 0, tags: [], collections: [] });

    for (const a of res.actions) {
      const done = await ok<ChatActionInfo>('chat.confirmAction', { actionId: a.id });
      expect(done.state).toBe('applied');
    }
    const after = await ok<{
      rating: number;
      tags: string[];
      collections: Array<{ name: string }>;
    }>('library.getSample', { id: kick });
    expect(after.rating).toBe(5);
    expect(after.tags).toEqual(['punchy']);
    expect(after.collections.map((c) => c.name)).toEqual(['Keepers']);
    const pads = await ok<Array<{ name: string; sampleCount: number }>>('collections.list', {});
    expect(pads.map((c) => [c.name, c.sampleCount])).toEqual([
      ['Keepers', 1],
      ['Pads', 1],
    ]);

    const again = await lib.app.dispatch(
      'chat.confirmAction',
      { actionId: res.actions[0]!.id },
      { origin: 'test' },
    );
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it('dismisses without changing anything, and lists by state', async () => {
    const kick = lib.id('Kick Soft');
    const res = await propose({ name: 'set_rating', input: { sampleIds: [kick], rating: 0 } });
    expect(res.actions[0]!.summary).toBe('Clear the rating of 1 sample');
    const dismissed = await ok<ChatActionInfo>('chat.dismissAction', {
      actionId: res.actions[0]!.id,
    });
    expect(dismissed).toMatchObject({ state: 'dismissed', decidedAt: expect.any(Number) });
    expect(await ok('chat.actions', { state: 'proposed' })).toEqual([]);
    expect(
      await ok<ChatActionInfo[]>('chat.actions', { conversationId: res.conversationId }),
    ).toHaveLength(1);
    const confirm = await lib.app.dispatch(
      'chat.confirmAction',
      { actionId: res.actions[0]!.id },
      { origin: 'test' },
    );
    expect(confirm.ok ? null : confirm.error.code).toBe('CONFLICT');
  });

  it('marks an action failed when the library refuses it at confirmation time', async () => {
    const res = await propose({ name: 'create_collection', input: { name: 'Later' } });
    expect(res.actions[0]!.summary).toBe("Create collection 'Later'");
    await ok('collections.create', { name: 'later' });
    const failed = await ok<ChatActionInfo>('chat.confirmAction', { actionId: res.actions[0]!.id });
    expect(failed).toMatchObject({
      state: 'failed',
      result: { error: { code: 'ALREADY_EXISTS' } },
    });
  });

  it('refuses proposals that cannot be carried out, telling the model why', async () => {
    const router = ScriptedRouter.of(
      {
        toolCalls: [
          { name: 'tag_samples', input: { sampleIds: [999999], add: ['x'] } },
          { name: 'tag_samples', input: { sampleIds: [lib.id('Kick Hard')] } },
          {
            name: 'add_to_collection',
            input: { collectionId: 42, sampleIds: [lib.id('Kick Hard')] },
          },
          { name: 'create_collection', input: { name: 'Dup' } },
          { name: 'set_rating', input: { sampleIds: [lib.id('Kick Hard')], rating: 9 } },
        ],
      },
      { text: 'ok' },
    );
    await ok('collections.create', { name: 'dup' });
    provideChatRouter(lib.app.db, router);
    const res = await ok<ChatSendResult>('chat.send', { text: 'go' });
    expect(res.actions).toEqual([]);
    const codes = router.requests[1]!.messages.filter((m) => m.role === 'tool').map(
      (m) => (JSON.parse(m.content) as { error: { code: string } }).error.code,
    );
    expect(codes).toEqual(['NOT_FOUND', 'BAD_INPUT', 'NOT_FOUND', 'ALREADY_EXISTS', 'BAD_INPUT']);
  });
});

describe('conversations', () => {
  it('creates, lists, renames, exports as Markdown and deletes', async () => {
    provideChatRouter(
      lib.app.db,
      ScriptedRouter.of(
        { toolCalls: [{ name: 'search_samples', input: { classes: ['pad'] } }] },
        {
          text: 'Airy Pad C is your only pad.',
          costUsd: 0.0012,
          provider: 'groq',
          model: 'llama-3.1-8b-instant',
        },
      ),
    );
    const sent = await ok<ChatSendResult>('chat.send', { text: 'show me pads' });
    const created = await ok<{ id: number; title: string }>('chat.create', {});
    expect(created.title).toBe('New conversation');
    const list = await ok<Array<{ id: number; messageCount: number; costUsd: number }>>(
      'chat.list',
      {},
    );
    expect(list.map((c) => c.id).sort()).toEqual([sent.conversationId, created.id].sort());
    expect(list.find((c) => c.id === sent.conversationId)).toMatchObject({
      messageCount: 3,
      costUsd: 0.0012,
    });
    expect(await ok('chat.rename', { conversationId: created.id, title: 'Empty' })).toMatchObject({
      title: 'Empty',
    });

    const md = await ok<{ filename: string; markdown: string }>('chat.export', {
      conversationId: sent.conversationId,
    });
    expect(md.filename).toBe('show-me-pads.md');
    expect(md.markdown).toContain('# show me pads');
    expect(md.markdown).toContain('## You\n\nshow me pads');
    expect(md.markdown).toContain('## Assistant (groq · llama-3.1-8b-instant)');
    expect(md.markdown).toContain('> tool `search_samples`');
    expect(md.markdown).toMatch(/- Airy Pad C\.wav — Pads \(#\d+\)/);

    expect(await ok('chat.delete', { conversationId: sent.conversationId })).toEqual({
      deleted: true,
    });
    expect(await ok('chat.delete', { conversationId: sent.conversationId })).toEqual({
      deleted: false,
    });
    const gone = await lib.app.dispatch(
      'chat.get',
      { conversationId: sent.conversationId },
      { origin: 'test' },
    );
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    expect(lib.app.db.prepare('SELECT count(*) AS n FROM chat_messages').get()).toEqual({ n: 0 });
  });
});
