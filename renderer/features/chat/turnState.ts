/**
 * The answer being streamed right now, built from the backend's chat events: text as
 * it arrives, each tool step with its result rows, proposed actions, who answered.
 * Pure functions so that the panel and its tests share them.
 */
import type {
  ChatActionInfo,
  ChatDeltaEvent,
  ChatDoneEvent,
  ChatRouteEvent,
  ChatSampleRef,
  ChatTaggingJob,
  ChatToolCallEvent,
  ErrorData,
} from '../../../shared/contract';
import { AI_PROVIDER_IDS } from '../../../shared/aiProviders';

/** The router's providers, local first. */
export const PROVIDERS = AI_PROVIDER_IDS;

export interface ToolStep {
  callId: string;
  name: string;
  state: 'running' | 'done' | 'failed';
  summary: string | null;
  samples: ChatSampleRef[];
  action: ChatActionInfo | null;
}

export interface LiveTurn {
  turnId: string;
  conversationId: number | null;
  question: string;
  text: string;
  steps: ToolStep[];
  provider: string | null;
  model: string | null;
  costUsd: number | null;
  done: boolean;
  error: ErrorData | null;
  /** performance.now() when the first text arrived (for the latency figure). */
  firstTextAt: number | null;
}

export function startTurn(
  turnId: string,
  question: string,
  conversationId: number | null,
): LiveTurn {
  return {
    turnId,
    conversationId,
    question,
    text: '',
    steps: [],
    provider: null,
    model: null,
    costUsd: null,
    done: false,
    error: null,
    firstTextAt: null,
  };
}

export type TurnEvent =
  | { type: 'chat.delta'; payload: ChatDeltaEvent }
  | { type: 'chat.route'; payload: ChatRouteEvent }
  | { type: 'chat.toolCall'; payload: ChatToolCallEvent }
  | { type: 'chat.done'; payload: ChatDoneEvent };

/** The turn after one event (events of other turns leave it as it is). */
export function applyTurnEvent(turn: LiveTurn, event: TurnEvent, now = 0): LiveTurn {
  if (event.payload.turnId !== turn.turnId) return turn;
  const conversationId = event.payload.conversationId;
  switch (event.type) {
    case 'chat.delta':
      return {
        ...turn,
        conversationId,
        text: turn.text + event.payload.text,
        firstTextAt: turn.firstTextAt ?? now,
      };
    case 'chat.route':
      return {
        ...turn,
        conversationId,
        provider: event.payload.provider,
        model: event.payload.model,
      };
    case 'chat.toolCall': {
      const e = event.payload;
      const step: ToolStep = {
        callId: e.callId,
        name: e.name,
        state: e.state,
        summary: e.summary,
        samples: e.samples,
        action: e.action,
      };
      const i = turn.steps.findIndex((s) => s.callId === e.callId);
      const steps = i < 0 ? [...turn.steps, step] : turn.steps.map((s, j) => (j === i ? step : s));
      // Text before a tool call was the model thinking aloud; the answer comes after.
      return { ...turn, conversationId, steps };
    }
    case 'chat.done':
      return {
        ...turn,
        conversationId,
        done: true,
        error: event.payload.error,
        costUsd: event.payload.costUsd,
        provider: event.payload.provider ?? turn.provider,
        model: event.payload.model ?? turn.model,
      };
  }
}

/** "free" for a local model, else dollars with enough digits to be non-zero. */
export function formatCost(usd: number | null): string {
  if (usd === null) return '';
  if (usd === 0) return 'free';
  if (usd < 0.000_001) return '< $0.000001';
  // Two significant digits: a cheap cloud call costs $0.000021, not "$0.0000".
  if (usd < 0.01) return `$${usd.toFixed(Math.max(4, 1 - Math.floor(Math.log10(usd))))}`;
  return `$${usd.toFixed(2)}`;
}

/** What to tell the user for an error code, with the fix when there is one. */
export function errorHelp(error: ErrorData): string {
  switch (error.code) {
    case 'NO_PROVIDER':
      // Always say how to fix it, unless the backend's message already does.
      return /start ollama|api key/i.test(error.message)
        ? error.message
        : `${error.message} — start Ollama (ollama serve) or add an API key in Settings.`;
    case 'BUDGET_EXCEEDED':
      return `${error.message} — raise the budget in Settings, or use a local model.`;
    case 'RATE_LIMITED':
      return `${error.message} — try again in a moment.`;
    case 'PROVIDER_ERROR':
      return providerFailure(error.message);
    default:
      return error.message;
  }
}

/**
 * The router's "no provider could answer: groq/model PROVIDER_ERROR (last error: 503 {json})"
 * as a sentence: who was tried, what the last one said (its message, not its JSON), the fix.
 */
export function providerFailure(message: string): string {
  const m = /^no provider could answer: (.*?)(?: \(last error: ([\s\S]*)\))?$/.exec(message);
  if (!m) return `${message} — try again, or pick another provider above.`;
  const tried = [
    ...new Set(
      (m[1] ?? '')
        .split(', ')
        .map((t) => t.split('/')[0]!.trim())
        .filter(Boolean),
    ),
  ];
  const last = m[2] ?? '';
  const status = /^(\d{3})\b/.exec(last)?.[1];
  const said =
    /"message"\s*:\s*"([^"]{1,160})"/.exec(last)?.[1] ??
    /"error"\s*:\s*"([^"]{1,160})"/.exec(last)?.[1];
  const reason = said
    ? `${status ? `${status}: ` : ''}${said}`
    : last.replace(/\s+/g, ' ').slice(0, 160);
  const who = tried.length > 0 ? tried.join(', ') : 'the AI provider';
  return `The assistant could not get an answer: ${who} failed${reason ? ` (${reason})` : ''}. Try again in a moment, or pick another provider above; providers and keys are in Settings.`;
}

/** What the stored conversation shows, in order: each proposed action after its turn. */
export type ConversationItem<M, A> =
  { type: 'message'; message: M } | { type: 'action'; action: A };

export function interleaveActions<
  M extends { role: string; createdAt: number },
  A extends { createdAt: number },
>(messages: readonly M[], actions: readonly A[]): Array<ConversationItem<M, A>> {
  const pending = [...actions].sort((a, b) => a.createdAt - b.createdAt);
  const out: Array<ConversationItem<M, A>> = [];
  for (const message of messages) {
    // A new question closes the turns before it: their actions go above it.
    if (message.role === 'user') {
      while (pending.length > 0 && pending[0]!.createdAt < message.createdAt) {
        out.push({ type: 'action', action: pending.shift()! });
      }
    }
    out.push({ type: 'message', message });
  }
  for (const action of pending) out.push({ type: 'action', action });
  return out;
}

/** Human label of a tool for the step list. */
export function toolLabel(name: string): string {
  const labels: Record<string, string> = {
    search_samples: 'Searching the library',
    get_sample: 'Looking at a sample',
    find_similar: 'Finding similar sounds',
    library_stats: 'Counting the library',
    list_collections: 'Listing collections',
    tag_samples: 'Proposing tags',
    create_collection: 'Proposing a collection',
    add_to_collection: 'Proposing to add to a collection',
    set_rating: 'Proposing a rating',
  };
  return labels[name] ?? name;
}

/** "x of y samples · $cost" for the job line. */
export function jobLine(job: ChatTaggingJob): string {
  const parts = [`${job.processed} of ${job.total} samples`, `${job.suggested} with suggestions`];
  if (job.costUsd > 0 || job.provider) parts.push(formatCost(job.costUsd));
  if (job.provider) parts.push(`${job.provider}${job.model ? ` · ${job.model}` : ''}`);
  return parts.join(' · ');
}
