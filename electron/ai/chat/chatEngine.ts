/**
 * One chat turn: the user's question goes to the router with the library tools; tool
 * calls run in a loop (read tools answer with data, write tools only propose an
 * action) until the model answers or the step limit is reached. Everything is stored
 * and streamed to the UI as it happens.
 */
import type {
  ChatActionInfo,
  ChatSampleRef,
  ChatSendResult,
  ChatToolCallInfo,
  EventName,
  Events,
} from '../../../shared/contract';
import type { AiProviderId } from '../../../shared/schemas/ai';
import { AppError, type ErrorData } from '../../../shared/result';
import type { AiRouter } from '../routerTypes';
import type { ChatMessage, FinishReason, ToolCall } from '../types';
import type { ActionStore } from './actionStore';
import { titleFrom, type ConversationStore } from './conversationStore';
import { toRouterMessages } from './history';
import type { LibraryCall } from './libraryCall';
import { systemPrompt, wrapToolResult } from './prompt';
import { sampleRefs } from './sampleRefs';
import { CHAT_TOOLS, findTool } from './tools/registry';
import { toolSpec, type ToolContext } from './tools/toolKit';

export type ChatEmit = <E extends EventName>(event: E, payload: Events[E]) => void;

export const DEFAULT_MAX_STEPS = 6;
/** Tool calls run per model step; more are answered with an error. */
export const MAX_CALLS_PER_STEP = 8;
/** Samples shown under one answer. */
const MAX_TURN_SAMPLES = 50;

const NO_PROVIDER_FIX = 'start Ollama (or let SampleMind start it) or add an API key in Settings.';
export const NO_PROVIDER_MESSAGE = `No AI provider is available: ${NO_PROVIDER_FIX}`;

/**
 * The fix that matches why Ollama is out (the supervisor's words, as Settings shows them):
 * no binary → install it; starting turned off → start it yourself; else start it or add a key.
 */
export function noProviderFix(why: string): string {
  if (/Ollama is not installed/i.test(why)) {
    return 'install Ollama (https://ollama.com/download) and restart SampleMind, or add an API key in Settings.';
  }
  if (/starting one is turned off/i.test(why)) {
    return 'start Ollama (`ollama serve`) or add an API key in Settings.';
  }
  return NO_PROVIDER_FIX;
}

export interface ChatEngineDeps {
  conversations: ConversationStore;
  actions: ActionStore;
  call: LibraryCall;
  router: () => AiRouter | null;
  emit: ChatEmit;
  now?: () => number;
  maxSteps?: number;
}

export interface SendInput {
  conversationId?: number;
  text: string;
  prefer?: { provider: AiProviderId; model?: string };
  turnId?: string;
}

interface StepAnswer {
  text: string;
  calls: ToolCall[];
  finishReason: FinishReason;
  provider: AiProviderId | null;
  model: string | null;
  costUsd: number;
}

/** The error as data; "no provider" also says how to fix it. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof AppError) {
    const data = error.toData();
    if (data.code === 'NO_PROVIDER' && !data.message.includes('Settings')) {
      // One sentence: why each provider is out, then the fix (not the router's words nested in ours).
      const why = /^no AI provider can take this request \((.*)\)$/.exec(data.message)?.[1];
      return {
        ...data,
        message: `No AI provider is available (${why ?? data.message}): ${noProviderFix(why ?? data.message)}`,
      };
    }
    return data;
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** Ids the providers accept everywhere, unique within the conversation. */
function safeCallId(id: string, used: Set<string>, step: number, index: number): string {
  let base = id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'call';
  if (used.has(base)) base = `${base}_${step}_${index}`;
  while (used.has(base)) base = `${base}x`;
  used.add(base);
  return base;
}

export class ChatEngine {
  private readonly running = new Map<number, AbortController>();
  private turnCounter = 0;

  constructor(private readonly deps: ChatEngineDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  cancel(conversationId: number): boolean {
    const controller = this.running.get(conversationId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  async send(input: SendInput, signal?: AbortSignal): Promise<ChatSendResult> {
    const { conversations } = this.deps;
    const conversationId =
      input.conversationId ?? conversations.create(titleFrom(input.text), this.now()).id;
    conversations.info(conversationId);
    if (this.running.has(conversationId)) {
      throw new AppError('CONFLICT', 'this conversation is still answering; wait or cancel it');
    }
    const turnId =
      input.turnId ?? `t${Date.now().toString(36)}${(++this.turnCounter).toString(36)}`;
    const controller = new AbortController();
    if (signal) signal.addEventListener('abort', () => controller.abort(), { once: true });
    this.running.set(conversationId, controller);
    conversations.append(conversationId, { role: 'user', content: input.text }, this.now());
    let provider: AiProviderId | null = null;
    let model: string | null = null;
    let costUsd = 0;
    try {
      const router = this.deps.router();
      if (!router) throw new AppError('NO_PROVIDER', NO_PROVIDER_MESSAGE);
      const result = await this.loop(
        router,
        conversationId,
        turnId,
        input,
        controller.signal,
        (p, m, c) => {
          provider = p;
          model = m;
          costUsd += c;
        },
      );
      this.deps.emit('chat.done', {
        conversationId,
        turnId,
        provider: result.provider,
        model: result.model,
        costUsd: result.costUsd,
        conversationCostUsd: result.conversationCostUsd,
        error: null,
      });
      return result;
    } catch (error) {
      const data = errorData(error);
      this.deps.emit('chat.done', {
        conversationId,
        turnId,
        provider,
        model,
        costUsd,
        conversationCostUsd: conversations.cost(conversationId),
        error: data,
      });
      throw new AppError(data.code, data.message, data.details);
    } finally {
      this.running.delete(conversationId);
    }
  }

  private async loop(
    router: AiRouter,
    conversationId: number,
    turnId: string,
    input: SendInput,
    signal: AbortSignal,
    onCost: (provider: AiProviderId | null, model: string | null, cost: number) => void,
  ): Promise<ChatSendResult> {
    const { conversations } = this.deps;
    const maxSteps = Math.max(1, this.deps.maxSteps ?? DEFAULT_MAX_STEPS);
    const specs = CHAT_TOOLS.map(toolSpec);
    const stored = conversations.messages(conversationId);
    const history: ChatMessage[] = toRouterMessages(stored);
    const usedIds = new Set(stored.flatMap((m) => m.toolCalls.map((c) => c.id)));
    const turnSamples: number[] = [];
    const turnActions: ChatActionInfo[] = [];
    const ctx: ToolContext = { call: this.deps.call, now: this.now() };
    let provider: AiProviderId | null = null;
    let model: string | null = null;
    let cost = 0;
    let steps = 0;
    let stopReason: ChatSendResult['stopReason'] = 'stop';
    let finalText = '';
    let answered = false;

    for (let step = 1; step <= maxSteps; step++) {
      const last = step === maxSteps;
      const messages: ChatMessage[] = [
        { role: 'system', content: systemPrompt(new Date(ctx.now)) },
        ...history,
      ];
      if (last && step > 1) {
        messages.push({
          role: 'system',
          content: 'Tool limit reached: answer now with what you found; do not call tools.',
        });
      }
      steps = step;
      const answer = await this.streamStep(
        router,
        { conversationId, turnId },
        messages,
        last && step > 1 ? undefined : specs,
        input,
        signal,
      );
      provider = answer.provider ?? provider;
      model = answer.model ?? model;
      cost += answer.costUsd;
      onCost(provider, model, answer.costUsd);
      const calls = last && step > 1 ? [] : answer.calls;
      const callInfos: ChatToolCallInfo[] = calls.map((c, i) => ({
        id: safeCallId(c.id, usedIds, step, i),
        name: c.name,
        arguments: c.arguments,
      }));
      if (signal.aborted) stopReason = 'cancelled';
      const final = calls.length === 0 || signal.aborted;
      const messageId = conversations.append(
        conversationId,
        {
          role: 'assistant',
          content: answer.text,
          toolCalls: signal.aborted ? [] : callInfos,
          sampleIds: final ? turnSamples.slice(0, MAX_TURN_SAMPLES) : [],
          provider: answer.provider,
          model: answer.model,
          costUsd: answer.costUsd,
        },
        this.now(),
      );
      if (final) {
        answered = true;
        finalText = answer.text;
        if (stopReason !== 'cancelled') {
          if (answer.finishReason === 'length') stopReason = 'length';
          else if (last && step > 1 && answer.calls.length > 0) stopReason = 'step_limit';
        }
        break;
      }
      history.push({
        role: 'assistant',
        content: answer.text,
        toolCalls: calls.map((c, i) => ({ ...c, id: callInfos[i]!.id })),
      });
      for (const [i, call] of calls.entries()) {
        const id = callInfos[i]!.id;
        const content =
          i < MAX_CALLS_PER_STEP
            ? await this.runTool(
                { ...call, id },
                { conversationId, turnId, messageId },
                ctx,
                turnSamples,
                turnActions,
              )
            : wrapToolResult(call.name, {
                error: { code: 'BAD_INPUT', message: 'too many tool calls in one step' },
              });
        history.push({ role: 'tool', toolCallId: id, name: call.name, content });
      }
    }

    if (!answered) stopReason = 'step_limit';
    const samples: ChatSampleRef[] = await sampleRefs(
      this.deps.call,
      turnSamples.slice(0, MAX_TURN_SAMPLES),
    );
    return {
      conversationId,
      turnId,
      text: finalText,
      samples,
      actions: turnActions,
      provider,
      model,
      costUsd: cost,
      conversationCostUsd: conversations.cost(conversationId),
      steps,
      stopReason,
    };
  }

  private async streamStep(
    router: AiRouter,
    turn: { conversationId: number; turnId: string },
    messages: ChatMessage[],
    tools: ReturnType<typeof toolSpec>[] | undefined,
    input: SendInput,
    signal: AbortSignal,
  ): Promise<StepAnswer> {
    const answer: StepAnswer = {
      text: '',
      calls: [],
      finishReason: 'stop',
      provider: null,
      model: null,
      costUsd: 0,
    };
    try {
      for await (const event of router.stream(
        {
          task: 'chat',
          messages,
          ...(tools ? { tools, needs: { tools: true } } : {}),
          ...(input.prefer ? { prefer: input.prefer } : {}),
        },
        signal,
      )) {
        if (event.type === 'route') {
          answer.provider = event.provider;
          answer.model = event.model;
          answer.text = '';
          answer.calls = [];
          this.deps.emit('chat.route', { ...turn, provider: event.provider, model: event.model });
        } else if (event.type === 'text') {
          answer.text += event.text;
          this.deps.emit('chat.delta', { ...turn, text: event.text });
        } else if (event.type === 'tool_call') {
          answer.calls.push(event.call);
        } else {
          answer.finishReason = event.finishReason;
          answer.provider = event.outcome.provider;
          answer.model = event.outcome.model;
          answer.costUsd = event.outcome.costUsd;
        }
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
    return answer;
  }

  private async runTool(
    call: ToolCall,
    turn: { conversationId: number; turnId: string; messageId: number },
    ctx: ToolContext,
    turnSamples: number[],
    turnActions: ChatActionInfo[],
  ): Promise<string> {
    const { conversationId, turnId } = turn;
    const base = { conversationId, turnId, callId: call.id, name: call.name, input: call.input };
    this.deps.emit('chat.toolCall', {
      ...base,
      state: 'running',
      summary: null,
      samples: [],
      action: null,
    });
    const fail = (code: string, message: string): string => {
      this.deps.emit('chat.toolCall', {
        ...base,
        state: 'failed',
        summary: message,
        samples: [],
        action: null,
      });
      const content = wrapToolResult(call.name, { error: { code, message } });
      this.deps.conversations.append(
        conversationId,
        { role: 'tool', content, toolCallId: call.id, toolName: call.name },
        this.now(),
      );
      return content;
    };
    const tool = findTool(call.name);
    if (!tool) return fail('NOT_FOUND', `there is no tool named "${call.name}"`);
    if (call.input === null) return fail('BAD_INPUT', 'the arguments are not valid JSON');
    const parsed = tool.schema.safeParse(call.input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        'BAD_INPUT',
        `${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    try {
      let content: string;
      let sampleIds: number[] = [];
      let summary: string;
      let action: ChatActionInfo | null = null;
      if (tool.kind === 'read') {
        const outcome = await tool.run(parsed.data, ctx);
        sampleIds = outcome.sampleIds;
        summary = outcome.summary;
        content = wrapToolResult(call.name, { data: outcome.data });
        for (const id of sampleIds) if (!turnSamples.includes(id)) turnSamples.push(id);
      } else {
        const described = await tool.describe(parsed.data, ctx);
        action = this.deps.actions.propose(
          conversationId,
          turn.messageId,
          tool.name,
          described,
          this.now(),
        );
        turnActions.push(action);
        summary = `proposed: ${described.summary}`;
        content = wrapToolResult(call.name, {
          data: {
            proposed: true,
            actionId: action.id,
            summary: described.summary,
            status: 'waiting for the user to confirm in the app; nothing has changed yet',
          },
        });
        this.deps.emit('chat.action', action);
      }
      this.deps.conversations.append(
        conversationId,
        { role: 'tool', content, toolCallId: call.id, toolName: call.name, sampleIds },
        this.now(),
      );
      const samples = sampleIds.length > 0 ? await sampleRefs(ctx.call, sampleIds) : [];
      this.deps.emit('chat.toolCall', { ...base, state: 'done', summary, samples, action });
      return content;
    } catch (error) {
      const data = errorData(error);
      return fail(data.code, data.message);
    }
  }
}
