/**
 * Provider failures, classified once so that the router's retry / fallback / cooldown
 * rules never look at an SDK's own error classes.
 */
import type { ErrorCode } from '../../shared/result';
import type { AiProviderId } from './types';

export type ProviderErrorKind =
  /** 429: the provider asks us to slow down (retryAfterMs when it said how long). */
  | 'rate_limit'
  /** 5xx, or an error event inside the stream. */
  | 'server'
  /** No answer (or no first token) in time. */
  | 'timeout'
  /** The stream started, then went quiet. */
  | 'stalled'
  /** The stream ended without its final event. */
  | 'incomplete'
  /** The provider sent something that is not its protocol (bad JSON, bad event). */
  | 'malformed'
  /** Could not connect (refused, reset, DNS). */
  | 'network'
  /** 401/403: the key is wrong or lacks access. */
  | 'auth'
  /** 4xx other than the above: the request itself was refused. */
  | 'bad_request'
  /** The caller cancelled. */
  | 'cancelled';

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: AiProviderId;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(
    provider: AiProviderId,
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.provider = provider;
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  /** Worth trying again (same or another provider). */
  get transient(): boolean {
    return this.kind !== 'auth' && this.kind !== 'bad_request' && this.kind !== 'cancelled';
  }
}

/** Parses Retry-After (seconds or an HTTP date) and retry-after-ms; null when absent. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | null | undefined,
  now = Date.now(),
): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) {
    return Math.max(0, Number(ms));
  }
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad_request';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function headersOf(value: unknown): { get(name: string): string | null } | null {
  return isRecord(value) && typeof value.get === 'function'
    ? (value as { get(name: string): string | null })
    : null;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function causeCode(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && isRecord(e); depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    e = e.cause;
  }
  return null;
}

/**
 * Turns whatever an SDK threw into a ProviderError. Works on the Stainless SDKs'
 * APIError family (openai, groq-sdk, @anthropic-ai/sdk: status + headers), ollama's
 * ResponseError (status_code), fetch/undici network errors and JSON syntax errors.
 */
export function classifyError(provider: AiProviderId, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!isRecord(error)) return new ProviderError(provider, 'server', message, { cause: error });

  const name = typeof error.name === 'string' ? error.name : '';
  if (name === 'AbortError' || name === 'APIUserAbortError') {
    return new ProviderError(provider, 'cancelled', 'cancelled', { cause: error });
  }
  if (name === 'APIConnectionTimeoutError' || name === 'TimeoutError') {
    return new ProviderError(provider, 'timeout', message, { cause: error });
  }
  const status =
    typeof error.status === 'number'
      ? error.status
      : typeof error.status_code === 'number'
        ? error.status_code
        : null;
  if (status !== null) {
    return new ProviderError(provider, kindForStatus(status), message, {
      status,
      retryAfterMs: parseRetryAfter(headersOf(error.headers)),
      cause: error,
    });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError(provider, 'malformed', `malformed response: ${message}`, {
      cause: error,
    });
  }
  if (name === 'APIConnectionError' || causeCode(error) !== null || message === 'fetch failed') {
    return new ProviderError(provider, 'network', message, { cause: error });
  }
  if (name === 'APIError') {
    // A Stainless SDK error without a status: an error event inside the stream.
    return new ProviderError(provider, 'server', message, { cause: error });
  }
  if (/terminated|socket|other side closed|premature close/i.test(message)) {
    return new ProviderError(provider, 'incomplete', message, { cause: error });
  }
  return new ProviderError(provider, 'server', message, { cause: error });
}

/** The AppError code a caller sees when the last failure was of this kind. */
export function errorCodeFor(kind: ProviderErrorKind): ErrorCode {
  switch (kind) {
    case 'rate_limit':
      return 'RATE_LIMITED';
    case 'timeout':
    case 'stalled':
      return 'TIMEOUT';
    case 'auth':
      return 'UNAUTHORIZED';
    case 'cancelled':
      return 'CANCELLED';
    case 'bad_request':
      return 'BAD_INPUT';
    default:
      return 'PROVIDER_ERROR';
  }
}

/** A failed chat call: cancelled when the caller aborted, else classified (classifyError). */
export function chatFailure(
  provider: AiProviderId,
  signal: AbortSignal,
  error: unknown,
): ProviderError {
  if (signal.aborted)
    return new ProviderError(provider, 'cancelled', 'cancelled', { cause: error });
  return classifyError(provider, error);
}
