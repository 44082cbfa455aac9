/**
 * The chat through the real router, the real provider SDKs and protocol fakes on
 * 127.0.0.1 (Ollama NDJSON, Groq SSE), over a real library.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRouteEvent, ChatSendResult } from '../../../shared/contract';
import { startRig, type Rig } from '../test-support/routerRig';
import { createOllamaProvider } from '../providers/ollamaProvider';
import { startFakeOllama } from '../test-support/fakeOllama';
import { provideChatRouter } from './routerSlot';
import { createChatLibrary, type ChatLibrary } from './test-support/chatLibrary';
import { singleProviderRouter } from './test-support/ollamaRouter';

let lib: ChatLibrary;
let rig: Rig | null = null;

beforeEach(async () => {
  lib = await createChatLibrary();
});

afterEach(async () => {
  await rig?.close();
  rig = null;
  await lib.dispose();
});

async function send(text: string, conversationId?: number) {
  return lib.invoke('chat.send', { text, ...(conversationId ? { conversationId } : {}) });
}

describe('chat through the real router', () => {
  it('answers with Ollama alone: native tool calls, tool results back, cost and provider shown', async () => {
    rig = await startRig({ keys: [] });
    provideChatRouter(lib.app.db, rig.router);
    rig.steps('ollama').push(
      {
        toolCalls: [
          {
            name: 'search_samples',
            arguments: JSON.stringify({ classes: ['kick'], sort: 'lufs', order: 'desc' }),
          },
        ],
      },
      { text: 'Kick Hard peaks above 0 dBTP, so it is clipped.' },
    );
    const res = await send('which of my kicks are clipped?');
    expect(res.ok ? null : res.error).toBeNull();
    const value = (res as { ok: true; value: ChatSendResult }).value;
    expect(value).toMatchObject({
      provider: 'ollama',
      text: 'Kick Hard peaks above 0 dBTP, so it is clipped.',
      stopReason: 'stop',
    });
    expect(value.samples.map((s) => s.name)).toEqual(['Kick Hard.wav', 'Kick Soft.wav']);

    const requests = rig.fakes.ollama.chatRequests();
    expect(requests).toHaveLength(2);
    const tools = (requests[0]!.tools as Array<{ function: { name: string } }>).map(
      (t) => t.function.name,
    );
    expect(tools).toContain('search_samples');
    const toolMsg = (requests[1]!.messages as Array<{ role: string; content: string }>).find(
      (m) => m.role === 'tool',
    )!;
    const data = JSON.parse(toolMsg.content) as {
      data: { samples: Array<{ name: string; truePeakDb: number }> };
    };
    expect(data.data.samples[0]).toMatchObject({ name: 'Kick Hard.wav', truePeakDb: 0.4 });
    // The ledger recorded both calls.
    expect(
      rig.db.prepare("SELECT count(*) AS n FROM ai_calls WHERE provider = 'ollama'").get(),
    ).toEqual({ n: 2 });
  });

  it('falls back to a cloud provider mid-conversation when Ollama fails', async () => {
    rig = await startRig({ keys: ['groq'] });
    provideChatRouter(lib.app.db, rig.router);
    const routes: ChatRouteEvent[] = [];
    lib.app.events.on('chat.route', (e) => routes.push(e));
    rig
      .steps('ollama')
      .push(
        { toolCalls: [{ name: 'library_stats', arguments: '{}' }] },
        { status: 500 },
        { status: 500 },
        { status: 500 },
      );
    rig.steps('groq').push({ text: 'You have 10 samples.' });
    const res = await send('how many samples do I have?');
    expect(res.ok ? null : res.error).toBeNull();
    const value = (res as { ok: true; value: ChatSendResult }).value;
    expect(value).toMatchObject({ provider: 'groq', text: 'You have 10 samples.' });
    // Step 1 on Ollama; step 2 starts on Ollama, which fails, and the router moves to Groq.
    expect(routes.map((r) => r.provider)).toEqual(['ollama', 'ollama', 'groq']);
    const groqBody = rig.fakes.groq.server.requests.find((r) =>
      r.path.endsWith('/chat/completions'),
    )!.body as {
      messages: Array<{ role: string; content: string | null; tool_call_id?: string }>;
    };
    const tool = groqBody.messages.find((m) => m.role === 'tool')!;
    expect(JSON.parse(tool.content!)).toMatchObject({
      tool: 'library_stats',
      ok: true,
      data: { samples: 10 },
    });
  });

  it('refuses with BUDGET_EXCEEDED when only a capped cloud provider could answer', async () => {
    rig = await startRig({ keys: ['groq'], ollamaModels: null });
    rig.budgets.set('total', 'day', 0);
    provideChatRouter(lib.app.db, rig.router);
    const res = await send('hello');
    expect(res.ok ? null : res.error.code).toBe('BUDGET_EXCEEDED');
    expect(rig.calls('groq')).toBe(0);
  });
});

describe('chat through one real provider (Ollama protocol)', () => {
  it('runs the tool loop against the fake Ollama HTTP server through the ollama package', async () => {
    const fake = await startFakeOllama();
    try {
      provideChatRouter(
        lib.app.db,
        singleProviderRouter(createOllamaProvider({ host: () => fake.url }), 'llama3.2:3b'),
      );
      fake.steps.push(
        { toolCalls: [{ name: 'list_collections', arguments: '{}' }] },
        {
          toolCalls: [
            {
              name: 'create_collection',
              arguments: JSON.stringify({ name: 'Airy pads', sampleIds: [lib.id('Airy Pad C')] }),
            },
          ],
        },
        { text: 'I proposed a collection "Airy pads"; confirm it in the app.' },
      );
      const res = await send('make a collection of airy pads');
      const value = (res as { ok: true; value: ChatSendResult }).value;
      expect(value.actions).toEqual([
        expect.objectContaining({
          tool: 'create_collection',
          state: 'proposed',
          summary: "Create collection 'Airy pads' with 1 sample",
        }),
      ]);
      expect(lib.app.db.prepare('SELECT count(*) AS n FROM collections').get()).toEqual({ n: 0 });
      const confirmed = await lib.invoke('chat.confirmAction', { actionId: value.actions[0]!.id });
      expect(confirmed.ok && confirmed.value.state).toBe('applied');
      const collections = await lib.invoke('collections.list', {});
      expect(collections.ok && collections.value.map((c) => [c.name, c.sampleCount])).toEqual([
        ['Airy pads', 1],
      ]);
    } finally {
      await fake.close();
    }
  });
});
