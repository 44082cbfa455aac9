import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../core/appOrigin';
import { guardedInvoke } from './ipcGuard';
import { createTestApp } from './test-support/testApp';

const app = createTestApp();
afterAll(() => app.dispose());
const main = { url: APP_ENTRY_URL, isMainFrame: true };

describe('guardedInvoke', () => {
  it('dispatches requests from the app window to the shared handler map', async () => {
    const info = await guardedInvoke(app.dispatch, main, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'SampleMind' } });
    expect(await guardedInvoke(app.dispatch, main, 'no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await guardedInvoke(app.dispatch, main, 'app.info', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('refuses iframes, foreign pages and vanished frames without dispatching', async () => {
    let called = 0;
    const spy = () => {
      called++;
      return Promise.resolve({ ok: true as const, value: null });
    };
    for (const frame of [
      { url: APP_ENTRY_URL, isMainFrame: false },
      { url: 'https://example.com/', isMainFrame: true },
      null,
    ]) {
      expect(await guardedInvoke(spy, frame, 'app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(called).toBe(0);
  });
});
