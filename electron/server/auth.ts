import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'sm_session';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Web-mode access control: the start-up token (printed in the terminal) is traded
 * once per browser for an HttpOnly, SameSite=Strict session cookie; every page,
 * media request and WebSocket needs that cookie.
 */
export class WebAuth {
  private readonly sessions = new Set<string>();

  constructor(readonly token: string = randomToken()) {}

  checkToken(candidate: string | null | undefined): boolean {
    return typeof candidate === 'string' && sameSecret(candidate, this.token);
  }

  openSession(): string {
    const id = randomToken(32);
    this.sessions.add(id);
    return id;
  }

  hasSession(cookieHeader: string | undefined): boolean {
    if (!cookieHeader) return false;
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = part.slice(eq + 1).trim();
      for (const s of this.sessions) if (sameSecret(s, value)) return true;
    }
    return false;
  }

  sessionCookie(id: string): string {
    return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
