import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { setSecurityHeaders } from './securityHeaders';

function headersOf(origin: string): Map<string, string> {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
    },
  } as unknown as ServerResponse;
  setSecurityHeaders(res, origin);
  return headers;
}

describe('web mode security headers', () => {
  it('lets blob workers run (Tone.js clock) while scripts stay same-origin', () => {
    const csp = headersOf('http://127.0.0.1:5000').get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toContain('ws://127.0.0.1:5000');
  });
});
