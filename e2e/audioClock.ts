import type { Page } from '@playwright/test';

/**
 * Remembers, in the page, every AudioContext whose nodes reach the speakers (the app's
 * buffer voice, Tone.js), so a test can read their clocks. Installed before the app's
 * code runs; test instrumentation only, the app defines nothing for it.
 */
export async function installAudioClock(page: Page): Promise<void> {
  await page.addInitScript({ content: CLOCK_SCRIPT });
}

/** Plain JS (the e2e project has no DOM types); runs in the page before the app. */
const CLOCK_SCRIPT = `(() => {
  if (window.__e2eAudioContexts) return;
  const contexts = new Set();
  window.__e2eAudioContexts = contexts;
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (destination, ...rest) {
    if (destination instanceof AudioDestinationNode) contexts.add(destination.context);
    return connect.call(this, destination, ...rest);
  };
})();`;

/** Whether any of those contexts runs, and the furthest clock among the running ones (s). */
export const READ_AUDIO_CLOCK = `(() => {
  const running = [...(window.__e2eAudioContexts ?? [])].filter((c) => c.state === 'running');
  return { running: running.length > 0, time: Math.max(0, ...running.map((c) => c.currentTime)) };
})()`;
