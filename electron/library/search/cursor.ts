import { AppError } from '../../../shared/result';

/**
 * Keyset cursors: the sort value and id of the last row served, plus the segment
 * (non-NULL values first, then NULLs) — or a plain offset for relevance order.
 */
export type Cursor =
  | { k: 'v'; v: string | number; id: number }
  | { k: 'n'; id: number }
  | { k: 'o'; o: number }
  /** In-memory index order: primary key (null = NULL), text tie-breaker, id. */
  | { k: 'm'; key: number | null; tie?: string; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isCursor(value)) return value;
  } catch {
    // fall through
  }
  throw new AppError('BAD_INPUT', 'invalid cursor: ask for the first page again');
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  if (c.k === 'o') return Number.isInteger(c.o) && (c.o as number) >= 0;
  if (c.k === 'm') {
    return (
      Number.isInteger(c.id) &&
      (c.key === null || typeof c.key === 'number') &&
      (c.tie === undefined || typeof c.tie === 'string')
    );
  }
  if (!Number.isInteger(c.id)) return false;
  if (c.k === 'n') return true;
  return c.k === 'v' && (typeof c.v === 'string' || typeof c.v === 'number');
}
