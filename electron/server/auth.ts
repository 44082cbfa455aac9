import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'sm_session';

/** Sessions kept at most; opening one more ends the least recently used. */
export const MAX_SESSIONS = 16;
/** A session unused for this long ends (ms): 12 hours. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export interface WebAuthOptions {
  maxSessions?: number;
  idleMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/**
 * Web-mode access control: the start-up token (printed in the terminal) is traded
 * exactly once for an HttpOnly, SameSite=Strict session cookie; every page, media
 * request and WebSocket needs that cookie. Sessions are bounded in number and end
 * after SESSION_IDLE_MS without use.
 */
export class WebAuth {
  /** Session id → last use (ms). Insertion order is least recently used first. */
  private readonly sessions = new Map<string, number>();
  private tokenUsed = false;
  private readonly maxSessions: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(
    readonly token: string = randomToken(),
    options: WebAuthOptions = {},
  ) {
    this.maxSessions = Math.max(1, options.maxSessions ?? MAX_SESSIONS);
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
    this.now = options.now ?? Date.now;
  }

  /** True when the token is right and has not been used before (it is spent by this call). */
  useToken(candidate: string | null | undefined): boolean {
    if (this.tokenUsed || typeof candidate !== 'string' || !sameSecret(candidate, this.token))
      return false;
    this.tokenUsed = true;
    return true;
  }

  openSession(): string {
    this.expire();
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    const id = randomToken(32);
    this.sessions.set(id, this.now());
    return id;
  }

  get sessionCount(): number {
    this.expire();
    return this.sessions.size;
  }

  /** Whether the cookie header carries a live session (using it keeps it alive). */
  hasSession(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    this.expire();
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = part.slice(eq + 1).trim();
      for (const s of this.sessions.keys()) {
        if (!sameSecret(s, value)) continue;
        this.sessions.delete(s);
        this.sessions.set(s, this.now());
        return true;
      }
    }
    return false;
  }

  sessionCookie(id: string): string {
    return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private expire(): void {
    const cutoff = this.now() - this.idleMs;
    for (const [id, at] of this.sessions) if (at < cutoff) this.sessions.delete(id);
  }
}
