/**
 * What callers of the AI router (the chat engine, LLM-assisted tagging, the CLI) see:
 * one streaming call that picks a provider, falls back, enforces budgets and records
 * the ledger. Provider differences never reach past this interface.
 */
import type { AiProviderId } from '../../shared/schemas/ai';
import type { FinishReason, ProviderEvent, RouteRequest, TokenUsage } from './types';

/** Where a routed answer came from and what it cost. */
export interface RouteOutcome {
  provider: AiProviderId;
  model: string;
  usage: TokenUsage;
  costUsd: number;
  latencyMs: number;
  /** Providers tried and given up on before this one, in order, with why. */
  fallbacks: Array<{ provider: AiProviderId; model: string; code: string }>;
}

/**
 * The routed stream: a `route` event when a provider starts answering (it may come
 * again if a stream fails before any output and the router falls back), then the
 * provider's text and tool calls, then one `done` with the outcome.
 */
export type RouterEvent =
  | { type: 'route'; provider: AiProviderId; model: string }
  | Exclude<ProviderEvent, { type: 'done' }>
  | { type: 'done'; finishReason: FinishReason; outcome: RouteOutcome };

export interface AiRouter {
  /**
   * Streams an answer. Throws an AppError (codes NO_PROVIDER, BUDGET_EXCEEDED,
   * PROVIDER_ERROR) when no candidate can answer, saying why for each candidate.
   */
  stream(request: RouteRequest, signal?: AbortSignal): AsyncIterable<RouterEvent>;
}
