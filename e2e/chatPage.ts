import type { Page } from '@playwright/test';

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

// In-page code is kept as source text: e2e is typechecked without the DOM library.
const INVOKE = `async ({ name, input }) => {
  const ws = new WebSocket(\`\${location.protocol === 'https:' ? 'wss' : 'ws'}://\${location.host}/ws\`);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('cannot open the WebSocket'));
  });
  const id = 1;
  const result = await new Promise((resolve) => {
    ws.onmessage = (event) => {
      const m = JSON.parse(event.data);
      if (m.type === 'result' && m.id === id) resolve(m.result);
    };
    ws.send(JSON.stringify({ type: 'invoke', id, name, input }));
  });
  ws.close();
  return result;
}`;

/**
 * Calls one backend handler the way the web UI does: over the server's WebSocket, from
 * the page (same origin, the page's session cookie). For setup and for checking what the
 * UI did, never instead of the UI under test.
 */
export function invoke<T>(page: Page, name: string, input: unknown): Promise<ApiResult<T>> {
  return page.evaluate<ApiResult<T>>(`(${INVOKE})(${JSON.stringify({ name, input })})`);
}

export async function invokeOk<T>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await invoke<T>(page, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const WATCH_STREAM = `() => {
  const seen = [];
  const log = document.querySelector('.chat-log');
  new MutationObserver(() => {
    const el = document.querySelector('.chat-msg--assistant[aria-busy="true"] .chat-text');
    const text = el ? el.textContent : '';
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  }).observe(log, { subtree: true, childList: true, characterData: true });
  window.__chatStreamSeen = seen;
}`;

/** Records every text the answer being streamed shows, as it changes (from now on). */
export async function watchStreaming(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(${WATCH_STREAM})()`);
  return () => page.evaluate<string[]>('window.__chatStreamSeen.slice()');
}
