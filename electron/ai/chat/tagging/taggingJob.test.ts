import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatSuggestion, ChatTaggingJob } from '../../../../shared/contract';
import { AppError } from '../../../../shared/result';
import { chatServiceOf } from '../chatHandlers';
import { provideChatRouter } from '../routerSlot';
import { createChatLibrary, INJECTION_NAME, type ChatLibrary } from '../test-support/chatLibrary';
import { ScriptedRouter } from '../test-support/scriptedRouter';
import { TaggingJob } from './taggingJob';
import { readTaggingAnswer } from './taggingPrompt';

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

/** A tagging model: answers every sample of the batch with tags from its name. */
function taggingRouter(costUsd = 0.001): ScriptedRouter {
  return new ScriptedRouter((req) => {
    const batch = JSON.parse(req.messages[1]!.content) as {
      samples: Array<{ id: number; name: string }>;
    };
    const results = batch.samples.map((s) => ({
      id: s.id,
      tags: [s.name.toLowerCase().includes('pad') ? 'airy' : 'texture', 'Bad,Tag', 'USER'],
    }));
    return {
      text: JSON.stringify({ results: [...results, { id: 999999, tags: ['x'] }] }),
      costUsd,
    };
  });
}

const job = () => chatServiceOf(lib.app.db)!.tagging;

describe('LLM-assisted tagging', () => {
  it('suggests tags for unsure or untagged samples (metadata only), then the user accepts and rejects', async () => {
    const router = taggingRouter();
    provideChatRouter(lib.app.db, router);
    const progress: ChatTaggingJob[] = [];
    lib.app.events.on('chat.tagging.progress', (p) => progress.push(p));
    const started = await ok<ChatTaggingJob>('chat.tagging.start', { batchSize: 3 });
    expect(started.state).toBe('running');
    await job().whenIdle();
    const status = await ok<ChatTaggingJob>('chat.tagging.status', {});
    // Untagged or unsure, and not tagged by the user: everything but the two tagged loops.
    expect(status).toMatchObject({
      state: 'done',
      processed: 8,
      total: 8,
      suggested: 8,
      provider: 'ollama',
      error: null,
    });
    expect(status.costUsd).toBeCloseTo(0.003);
    expect(router.requests.map((r) => [r.task, r.json])).toEqual([
      ['tag', true],
      ['tag', true],
      ['tag', true],
    ]);
    const sent = router.requests.map((r) => r.messages[1]!.content).join('\n');
    expect(sent).not.toContain(lib.dir);
    expect(sent).toContain('"class":"pad","classConfidence":0.3');
    expect(progress.at(-1)!.state).toBe('done');

    // Stored as suggestions: not visible as tags, not searchable, never 'user'.
    const sources = lib.app.db
      .prepare(
        'SELECT DISTINCT source FROM sample_tags JOIN tags t ON t.id = tag_id WHERE t.name IN (?, ?, ?)',
      )
      .all('airy', 'texture', 'user');
    expect(sources).toEqual([{ source: 'suggested' }]);
    const pad = lib.id('Airy Pad C');
    expect((await ok<{ tags: string[] }>('library.getSample', { id: pad })).tags).toEqual([]);
    const suggestions = await ok<ChatSuggestion[]>('chat.suggestions', {});
    expect(suggestions.find((s) => s.sample.id === pad)!.tags).toEqual(['airy', 'user']);

    expect(await ok('chat.acceptSuggestions', { sampleIds: [pad], tags: ['airy'] })).toEqual({
      changed: 1,
    });
    expect(await ok('chat.rejectSuggestions', { sampleIds: [pad] })).toEqual({ changed: 1 });
    expect((await ok<{ tags: string[] }>('library.getSample', { id: pad })).tags).toEqual(['airy']);
    const injected = lib.id(INJECTION_NAME);
    expect(await ok('chat.acceptSuggestions', { sampleIds: [injected] })).toEqual({ changed: 2 });
    expect((await ok<{ tags: string[] }>('library.getSample', { id: injected })).tags).toEqual([
      'texture',
      'user',
    ]);

    // A second run finds nothing new to do (pending suggestions are not asked again).
    await ok('chat.tagging.start', { resume: false });
    await job().whenIdle();
    expect(await ok<ChatTaggingJob>('chat.tagging.status', {})).toMatchObject({
      state: 'done',
      processed: 0,
    });
  });

  it('stops with the reason when the router refuses (budget), and resumes from the last batch', async () => {
    let calls = 0;
    const inner = taggingRouter();
    provideChatRouter(
      lib.app.db,
      new ScriptedRouter((req, i) => {
        calls++;
        return i === 1
          ? { error: new AppError('BUDGET_EXCEEDED', 'the daily budget is spent') }
          : inner.script(req, i);
      }),
    );
    await ok('chat.tagging.start', { batchSize: 2, limit: 6 });
    await job().whenIdle();
    const stopped = await ok<ChatTaggingJob>('chat.tagging.status', {});
    expect(stopped).toMatchObject({
      state: 'stopped',
      processed: 2,
      total: 6,
      error: { code: 'BUDGET_EXCEEDED' },
    });

    // After a restart (a new job object on the same database) it goes on where it stopped.
    const fresh = new TaggingJob(
      lib.app.db,
      () => taggingRouter(),
      () => {},
    );
    expect(fresh.status()).toMatchObject({ state: 'stopped', processed: 2 });
    fresh.start();
    await fresh.whenIdle();
    expect(fresh.status()).toMatchObject({ state: 'done', processed: 6, total: 6, suggested: 6 });
    expect(calls).toBe(2);
  });

  it('tags the samples the user selected, skips an unreadable answer, and can be cancelled', async () => {
    const ids = [lib.id('Kick Hard'), lib.id('Snare Crack')];
    provideChatRouter(lib.app.db, ScriptedRouter.of({ text: 'not json at all' }));
    await ok('chat.tagging.start', { sampleIds: ids });
    await job().whenIdle();
    expect(await ok<ChatTaggingJob>('chat.tagging.status', {})).toMatchObject({
      state: 'done',
      processed: 2,
      suggested: 0,
      error: { code: 'PROVIDER_ERROR', message: expect.stringMatching(/not the JSON/) },
    });

    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    provideChatRouter(lib.app.db, {
      async *stream(_req, signal) {
        yield { type: 'route' as const, provider: 'ollama' as const, model: 'm' };
        await gate;
        if (signal?.aborted) throw new Error('aborted');
      },
    });
    await ok('chat.tagging.start', { resume: false });
    const again = await lib.app.dispatch('chat.tagging.start', {}, { origin: 'test' });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    await ok('chat.tagging.cancel', {});
    release();
    await job().whenIdle();
    expect((await ok<ChatTaggingJob>('chat.tagging.status', {})).state).toBe('cancelled');
  });

  it('needs a provider to start', async () => {
    const r = await lib.app.dispatch('chat.tagging.start', {}, { origin: 'test' });
    expect(r.ok ? null : r.error.code).toBe('NO_PROVIDER');
  });
});

describe('readTaggingAnswer', () => {
  it('keeps valid tags for ids of the batch only, and accepts a bare array or a fenced block', () => {
    const ids = new Set([1, 2]);
    expect(
      readTaggingAnswer(
        '```json\n[{"id":1,"tags":["Dark"," dark ","a,b",7]},{"id":3,"tags":["x"]}]\n```',
        ids,
      ),
    ).toEqual(new Map([[1, ['dark']]]));
    expect(() => readTaggingAnswer('{"results": "no"}', ids)).toThrow();
  });
});
