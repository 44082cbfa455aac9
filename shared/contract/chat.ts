import type { z } from 'zod';
import type { AiProviderId } from '../schemas/ai';
import type { ChatActionState, chatSchemas, ChatWriteTool } from '../schemas/chat';
import type { ErrorData } from '../result';
import type { SamplesChanged } from './library';
import type { SampleClass, SampleKind } from '../taxonomy';

export type { ChatActionState, ChatWriteTool } from '../schemas/chat';

/** The least the UI needs to render a playable sample row in the chat. */
export interface ChatSampleRef {
  id: number;
  name: string;
  dir: string;
  kind: SampleKind | null;
  class: SampleClass | null;
  bpm: number | null;
  key: string | null;
  rootNote: string | null;
  durationSec: number | null;
  rating: number;
  favorite: boolean;
  tags: string[];
  missing: boolean;
}

export interface ChatConversationInfo {
  id: number;
  title: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  /** What the answers in this conversation cost, US dollars. */
  costUsd: number;
}

export interface ChatToolCallInfo {
  id: string;
  name: string;
  arguments: string;
}

export interface ChatMessageInfo {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  /** Assistant: the tools it called. */
  toolCalls: ChatToolCallInfo[];
  /** Tool: the call this answers, and the tool's name. */
  toolCallId: string | null;
  toolName: string | null;
  /** Samples this message refers to (render with the conversation's `samples`). */
  sampleIds: number[];
  provider: AiProviderId | null;
  model: string | null;
  costUsd: number | null;
  createdAt: number;
}

/** A write the assistant proposed; it takes effect only when the user confirms it. */
export interface ChatActionInfo {
  id: number;
  conversationId: number;
  tool: ChatWriteTool;
  args: Record<string, unknown>;
  /** One line for the confirmation card ("Add tag 'dark' to 3 samples"). */
  summary: string;
  sampleIds: number[];
  state: ChatActionState;
  result: Record<string, unknown> | null;
  createdAt: number;
  decidedAt: number | null;
}

export interface ChatConversation {
  info: ChatConversationInfo;
  messages: ChatMessageInfo[];
  actions: ChatActionInfo[];
  /** Every sample the messages refer to that still exists. */
  samples: ChatSampleRef[];
}

export interface ChatSendResult {
  conversationId: number;
  turnId: string;
  /** The final answer's text (what was streamed). */
  text: string;
  /** Samples the tools returned during this turn, in order of first mention. */
  samples: ChatSampleRef[];
  /** Actions proposed during this turn. */
  actions: ChatActionInfo[];
  provider: AiProviderId | null;
  model: string | null;
  costUsd: number;
  conversationCostUsd: number;
  /** Model requests made for this turn. */
  steps: number;
  /** stop: answered; step_limit: the tool loop hit its limit; length: the answer was cut. */
  stopReason: 'stop' | 'step_limit' | 'length' | 'cancelled';
}

export interface ChatMarkdownExport {
  filename: string;
  markdown: string;
}

export type ChatTaggingState = 'idle' | 'running' | 'done' | 'stopped' | 'cancelled' | 'failed';

export interface ChatTaggingJob {
  state: ChatTaggingState;
  startedAt: number | null;
  finishedAt: number | null;
  /** Samples looked at so far / in the job. */
  processed: number;
  total: number;
  /** Samples that got at least one suggested tag. */
  suggested: number;
  costUsd: number;
  provider: AiProviderId | null;
  model: string | null;
  /** Why the job stopped (budget, no provider …). */
  error: ErrorData | null;
}

export interface ChatSuggestion {
  sample: ChatSampleRef;
  tags: string[];
}

type In<K extends keyof typeof chatSchemas> = z.infer<(typeof chatSchemas)[K]>;

export interface ChatContract {
  'chat.list': { input: In<'chat.list'>; output: ChatConversationInfo[] };
  'chat.create': { input: In<'chat.create'>; output: ChatConversationInfo };
  'chat.get': { input: In<'chat.get'>; output: ChatConversation };
  'chat.delete': { input: In<'chat.delete'>; output: { deleted: boolean } };
  'chat.rename': { input: In<'chat.rename'>; output: ChatConversationInfo };
  'chat.export': { input: In<'chat.export'>; output: ChatMarkdownExport };
  'chat.send': { input: In<'chat.send'>; output: ChatSendResult };
  'chat.cancel': { input: In<'chat.cancel'>; output: { cancelled: boolean } };
  'chat.actions': { input: In<'chat.actions'>; output: ChatActionInfo[] };
  'chat.confirmAction': { input: In<'chat.confirmAction'>; output: ChatActionInfo };
  'chat.dismissAction': { input: In<'chat.dismissAction'>; output: ChatActionInfo };
  'chat.tagging.start': { input: In<'chat.tagging.start'>; output: ChatTaggingJob };
  'chat.tagging.status': { input: In<'chat.tagging.status'>; output: ChatTaggingJob };
  'chat.tagging.cancel': { input: In<'chat.tagging.cancel'>; output: ChatTaggingJob };
  'chat.suggestions': { input: In<'chat.suggestions'>; output: ChatSuggestion[] };
  'chat.acceptSuggestions': { input: In<'chat.acceptSuggestions'>; output: SamplesChanged };
  'chat.rejectSuggestions': { input: In<'chat.rejectSuggestions'>; output: SamplesChanged };
}

interface ChatTurnEvent {
  conversationId: number;
  turnId: string;
}

export interface ChatDeltaEvent extends ChatTurnEvent {
  text: string;
}

export interface ChatRouteEvent extends ChatTurnEvent {
  provider: AiProviderId;
  model: string;
}

export interface ChatToolCallEvent extends ChatTurnEvent {
  callId: string;
  name: string;
  input: unknown;
  state: 'running' | 'done' | 'failed';
  /** One line about the result ("12 samples", "proposed: add tag 'dark' to 3 samples"). */
  summary: string | null;
  samples: ChatSampleRef[];
  action: ChatActionInfo | null;
}

export interface ChatDoneEvent extends ChatTurnEvent {
  provider: AiProviderId | null;
  model: string | null;
  costUsd: number;
  conversationCostUsd: number;
  /** Set when the turn failed (NO_PROVIDER, BUDGET_EXCEEDED …): show it with its fix. */
  error: ErrorData | null;
}

export interface ChatEvents {
  'chat.delta': ChatDeltaEvent;
  'chat.route': ChatRouteEvent;
  'chat.toolCall': ChatToolCallEvent;
  'chat.done': ChatDoneEvent;
  'chat.action': ChatActionInfo;
  'chat.tagging.progress': ChatTaggingJob;
}
