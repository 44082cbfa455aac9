/**
 * Errors cross every boundary (IPC, WebSocket, CLI) as data, never as thrown objects.
 * Codes are stable so that a UI can act on them.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'UNSUPPORTED',
  'UNSUPPORTED_FORMAT',
  'EMPTY_FILE',
  'TRUNCATED_FILE',
  'CORRUPT_FILE',
  'NOT_AUDIO',
  'IO_ERROR',
  'PERMISSION_DENIED',
  'PATH_TOO_LONG',
  'INVALID_FILENAME',
  'SYMLINK_LOOP',
  'FILE_VANISHED',
  'BROKEN_LINK',
  'NOT_REGULAR_FILE',
  'FILE_TOO_LARGE',
  'CANCELLED',
  'TIMEOUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'BUDGET_EXCEEDED',
  'NO_PROVIDER',
  'PROVIDER_ERROR',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  /** Optional structured details (never secrets, never stack traces). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** An error with a stable code; thrown inside the backend, turned into data at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Unwraps a Result, throwing an AppError for a failure (handy in the CLI and tests). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.details);
}
