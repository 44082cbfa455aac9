import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../core/appOrigin';
import { appSecurityHeaders, desktopCsp, sampleCorsHeaders } from '../media/csp';
import { isTrustedSender } from './ipcGuard';
import { externalLinkFor, navigationDecision, permissionDecision } from './navigationPolicy';

describe('isAppUrl', () => {
  it('accepts the app origin with any path', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl('app://SampleMind/library?x=1#y')).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://samplemind.evil.com/index.html',
    'app://samplemind:81/index.html',
    'app://user@samplemind/index.html',
    'file:///index.html',
    'http://samplemind/index.html',
    'https://example.com',
    'sample://audio/1',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('allows only navigation within the app', () => {
    expect(navigationDecision(`${APP_ORIGIN}/index.html`)).toBe('allow');
    expect(navigationDecision('https://example.com/')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
    expect(navigationDecision('javascript:alert(1)')).toBe('deny');
  });

  it('hands only credential-free https links to the system browser', () => {
    expect(externalLinkFor('https://ollama.com/library')).toBe('https://ollama.com/library');
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pw@example.com',
      `${APP_ORIGIN}/index.html`,
      'nonsense',
    ]) {
      expect(externalLinkFor(url)).toBeNull();
    }
  });
});

describe('permissionDecision', () => {
  it('grants the few needed permissions to the app only', () => {
    expect(permissionDecision('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(permissionDecision('speaker-selection', APP_ENTRY_URL)).toBe(true);
    expect(permissionDecision('fullscreen', APP_ENTRY_URL)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'clipboard-read',
    'openExternal',
    'unknown',
  ])('refuses %s', (permission) => {
    expect(permissionDecision(permission, APP_ENTRY_URL)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the app page in the main frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it('refuses iframes, other origins and missing frames', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('CSP and headers', () => {
  it('allows only the app and the sample protocol, nothing remote', () => {
    const csp = desktopCsp();
    const directives = new Map(
      csp.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('media-src')).toContain('sample:');
    expect(directives.get('connect-src')).toEqual(["'self'", 'sample:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(appSecurityHeaders()['Content-Security-Policy']).toBe(csp);
    expect(appSecurityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });

  it('lets only the app origin read sample responses', () => {
    expect(sampleCorsHeaders()['Access-Control-Allow-Origin']).toBe(APP_ORIGIN);
  });
});
