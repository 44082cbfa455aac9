import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideChatRouter } from '../../ai/chat/routerSlot';
import { createChatLibrary, type ChatLibrary } from '../../ai/chat/test-support/chatLibrary';
import { ScriptedRouter } from '../../ai/chat/test-support/scriptedRouter';
import type { CliContext } from '../command';
import { runAppCli as runCli } from '../../app/cli';
import { chatCommand } from './chatCommand';

let lib: ChatLibrary;

beforeEach(async () => {
  lib = await createChatLibrary();
});
afterEach(async () => lib.dispose());

async function chat(args: string[], json = false, values: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false },
    json,
    openApp: () => lib.app,
    signal: new AbortController().signal,
  };
  const code = await chatCommand.run(ctx, values, args);
  return { code, out, err };
}

describe('samplemind chat', () => {
  it('prints the streamed answer, the samples, proposals and who answered', async () => {
    provideChatRouter(
      lib.app.db,
      ScriptedRouter.of(
        { toolCalls: [{ name: 'search_samples', input: { classes: ['kick'] } }] },
        {
          toolCalls: [
            { name: 'set_rating', input: { sampleIds: [lib.id('Kick Hard')], rating: 4 } },
          ],
        },
        {
          text: 'Two kicks; I proposed rating Kick Hard 4 stars.',
          costUsd: 0.0004,
          provider: 'groq',
          model: 'llama-3.1-8b-instant',
        },
      ),
    );
    const r = await chat(['which', 'kicks?'], false, { provider: 'groq' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Two kicks; I proposed rating Kick Hard 4 stars.\n');
    expect(r.out).toMatch(/#\d+ {2}Kick Hard\.wav {2}\(Drums\)/);
    expect(r.out).toMatch(/proposed #\d+: Rate 1 sample 4 stars — confirm it in the app/);
    expect(r.err).toContain('[search_samples: 2 samples]');
    expect(r.err).toMatch(/groq · llama-3\.1-8b-instant · \$0\.0004 · conversation \d+/);
  });

  it('--json prints the whole result', async () => {
    provideChatRouter(lib.app.db, ScriptedRouter.of({ text: 'Hello.' }));
    const r = await chat(['hi'], true);
    expect(JSON.parse(r.out)).toMatchObject({
      text: 'Hello.',
      provider: 'ollama',
      stopReason: 'stop',
    });
  });

  it('explains usage mistakes and a missing provider', async () => {
    await expect(chat([])).rejects.toThrow(/ask a question/);
    await expect(chat(['x'], false, { provider: 'nope' })).rejects.toThrow(
      /--provider is ollama, /,
    );
    await expect(chat(['x'], false, { provider: 'olama' })).rejects.toThrow(
      /\(did you mean ollama\?\)/,
    );
    await expect(chat(['x'], false, { model: 'm' })).rejects.toThrow(/--model needs --provider/);
    await expect(chat(['x'], false, { conversation: 'abc' })).rejects.toThrow(/conversation id/);
    await expect(chat(['x'])).rejects.toThrow(/ollama serve.*GROQ_API_KEY.*ai key set/);
  });

  it('is listed by samplemind --help', async () => {
    let out = '';
    await runCli(['--help'], {
      io: { stdout: (t) => (out += t), stderr: () => {}, interactive: false },
    });
    expect(out).toMatch(/chat +ask the assistant/);
  });
});
