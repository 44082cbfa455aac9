import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, WebAuth } from './auth';

const cookie = (id: string): string => `${SESSION_COOKIE}=${id}`;

describe('WebAuth', () => {
  it('takes the token exactly once', () => {
    const auth = new WebAuth('tok');
    expect(auth.useToken('wrong')).toBe(false);
    expect(auth.useToken('tok')).toBe(true);
    expect(auth.useToken('tok')).toBe(false);
  });

  it('keeps a bounded number of sessions, dropping the least recently used', () => {
    const auth = new WebAuth('tok', { maxSessions: 2 });
    const a = auth.openSession();
    const b = auth.openSession();
    expect(auth.hasSession(cookie(a))).toBe(true); // a is now the most recent
    const c = auth.openSession();
    expect(auth.sessionCount).toBe(2);
    expect(auth.hasSession(cookie(b))).toBe(false);
    expect(auth.hasSession(cookie(a))).toBe(true);
    expect(auth.hasSession(cookie(c))).toBe(true);
  });

  it('ends a session left unused for the idle time; use keeps it alive', () => {
    let now = 0;
    const auth = new WebAuth('tok', { idleMs: 1000, now: () => now });
    const a = auth.openSession();
    const b = auth.openSession();
    now = 900;
    expect(auth.hasSession(cookie(a))).toBe(true);
    now = 1500;
    expect(auth.hasSession(cookie(a))).toBe(true);
    expect(auth.hasSession(cookie(b))).toBe(false);
    now = 2600;
    expect(auth.hasSession(cookie(a))).toBe(false);
    expect(auth.sessionCount).toBe(0);
  });
});
