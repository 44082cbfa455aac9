/**
 * What a fake provider should do with one chat request, independent of the protocol:
 * the answer (text pieces, tool calls whose arguments stream in pieces, usage, finish
 * reason) and the misbehaviour (HTTP error + Retry-After, slow first token, gaps, a
 * stall, a cut connection, a malformed frame, no answer at all).
 */
import type { RecordedRequest } from './fakeHttp';

export interface ScriptedToolCall {
  id?: string;
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
  /** Stream the arguments in this many pieces (default 3). */
  pieces?: number;
}

export interface ChatStep {
  /** Answer with this HTTP status and errorBody instead of a stream. */
  status?: number;
  headers?: Record<string, string>;
  errorBody?: unknown | ((request: RecordedRequest) => unknown);
  /** The answer text, in the pieces to stream (a string is split into words). */
  text?: string | string[];
  toolCalls?: ScriptedToolCall[];
  /** Protocol-specific finish reason (default: stop / tool call reason). */
  finishReason?: string;
  /** Token usage to report; default estimated from the request and answer; null: none. */
  usage?: { input: number; output: number } | null;
  firstDelayMs?: number;
  gapMs?: number;
  /** Close the connection after this many frames. */
  cutAfter?: number;
  /** Stop sending (connection left open) after this many frames. */
  stallAfter?: number;
  /** Replace frame N with bytes that are not JSON. */
  malformedAt?: number;
  /** Never answer at all. */
  hang?: boolean;
}

export function textPieces(text: string | string[] | undefined): string[] {
  if (text === undefined) return [];
  if (Array.isArray(text)) return text;
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export function splitInto(text: string, pieces: number): string[] {
  const n = Math.max(1, Math.min(pieces, text.length));
  const size = Math.ceil(text.length / n);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** About four characters per token, as the router's own estimate assumes. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function defaultUsage(
  step: ChatStep,
  request: RecordedRequest,
): { input: number; output: number } {
  const body = request.body as { messages?: unknown; system?: unknown } | null;
  const input = approxTokens(
    JSON.stringify(body?.messages ?? '') + JSON.stringify(body?.system ?? ''),
  );
  const output =
    approxTokens(textPieces(step.text).join('')) +
    (step.toolCalls ?? []).reduce((n, c) => n + approxTokens(c.name + c.arguments), 0);
  return { input, output };
}

export function errorBodyOf(step: ChatStep, request: RecordedRequest, fallback: unknown): unknown {
  if (typeof step.errorBody === 'function') {
    return (step.errorBody as (r: RecordedRequest) => unknown)(request);
  }
  return step.errorBody ?? fallback;
}

/** A queue of steps for the next requests, then a default answer for the rest. */
export class StepQueue {
  private readonly queue: ChatStep[] = [];

  constructor(private fallback: (request: RecordedRequest) => ChatStep) {}

  /** The next requests get these steps, in order. */
  push(...steps: ChatStep[]): void {
    this.queue.push(...steps);
  }

  setDefault(fallback: (request: RecordedRequest) => ChatStep): void {
    this.fallback = fallback;
  }

  next(request: RecordedRequest): ChatStep {
    return this.queue.shift() ?? this.fallback(request);
  }

  get pending(): number {
    return this.queue.length;
  }
}
