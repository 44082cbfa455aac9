import { AI_PROVIDER_IDS, type AiProviderId } from '../../../shared/schemas/ai';
import { AppError } from '../../../shared/result';
import { aiSourcesText } from '../aiSources';
import { call } from '../call';
import { UsageError, type CliCommand } from '../command';
import { printJson } from '../output';
import { stringFlag } from '../flags';
import { oneOf } from '../choice';

function provider(value: unknown): AiProviderId | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError('--provider takes a provider name');
  return oneOf(value, AI_PROVIDER_IDS, '--provider');
}

/** `samplemind chat "question"`: asks the assistant; the answer streams to stdout. */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'ask the assistant about your library (answers stream as they come)',
  usage:
    'samplemind chat "question" [--conversation id] [--provider ollama|groq|…] [--model m] [--json]\n' +
    '  (write actions are only proposed: confirm them in the app)',
  options: {
    conversation: { type: 'string' },
    provider: { type: 'string' },
    model: { type: 'string' },
  },
  async run(ctx, values, words) {
    const text = words.join(' ').trim();
    if (!text)
      throw new UsageError('ask a question, e.g. samplemind chat "which kicks are clipped?"');
    const conversationId =
      typeof values.conversation === 'string' ? Number(values.conversation) : undefined;
    if (
      conversationId !== undefined &&
      !(Number.isSafeInteger(conversationId) && conversationId > 0)
    ) {
      throw new UsageError('--conversation takes a conversation id');
    }
    const preferred = provider(values.provider);
    if (typeof values.model === 'string' && !preferred) {
      throw new UsageError('--model needs --provider');
    }
    const app = ctx.openApp();
    const turnId = `cli${process.pid}${Date.now().toString(36)}`;
    const unsubscribe: Array<() => void> = [];
    if (!ctx.json) {
      unsubscribe.push(
        app.events.on('chat.delta', (e) => {
          if (e.turnId === turnId) ctx.io.stdout(e.text);
        }),
        app.events.on('chat.toolCall', (e) => {
          if (e.turnId === turnId && e.state !== 'running') {
            ctx.io.stderr(`[${e.name}${e.summary ? `: ${e.summary}` : ''}]\n`);
          }
        }),
      );
    }
    let conversationOf: number | null = conversationId ?? null;
    const onAbort = () => {
      if (conversationOf !== null)
        void call(app, 'chat.cancel', { conversationId: conversationOf });
    };
    unsubscribe.push(
      app.events.on('chat.route', (e) => {
        if (e.turnId === turnId) conversationOf = e.conversationId;
      }),
    );
    ctx.signal.addEventListener('abort', onAbort);
    try {
      const result = await call(app, 'chat.send', {
        text,
        turnId,
        ...(conversationId !== undefined ? { conversationId } : {}),
        ...(preferred
          ? {
              prefer: {
                provider: preferred,
                ...stringFlag(values, 'model'),
              },
            }
          : {}),
      });
      if (ctx.json) {
        printJson(ctx.io, result);
        return 0;
      }
      ctx.io.stdout(result.text.endsWith('\n') ? '' : '\n');
      for (const s of result.samples) {
        ctx.io.stdout(`  #${s.id}  ${s.name}${s.dir ? `  (${s.dir})` : ''}\n`);
      }
      for (const a of result.actions) {
        ctx.io.stdout(`  proposed #${a.id}: ${a.summary} — confirm it in the app\n`);
      }
      const cost = result.costUsd > 0 ? `$${result.costUsd.toFixed(4)}` : 'free';
      ctx.io.stderr(
        `— ${result.provider ?? 'no provider'}${result.model ? ` · ${result.model}` : ''} · ${cost} · conversation ${result.conversationId}\n`,
      );
      return result.stopReason === 'cancelled' ? 130 : 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NO_PROVIDER') {
        const why = /^No AI provider is available \((.*)\): /.exec(error.message)?.[1];
        throw new AppError(
          'NO_PROVIDER',
          `no AI provider is available${why ? ` (${why})` : ''}: ${aiSourcesText(app.info.dataDir)}`,
        );
      }
      throw error;
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      for (const u of unsubscribe) u();
    }
  },
};
