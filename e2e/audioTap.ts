import type { Page } from '@playwright/test';

/**
 * An audio tap for the page: every Web Audio node connected to a context's speakers is
 * also connected to an AnalyserNode, and `window.__tapLevel()` reads the loudest sample
 * the speakers get now (0 when silent). Installed before the app's code runs; it sees
 * Tone.js (sync preview, metronome) and the app's own buffer voice alike.
 */
export async function installAudioTap(page: Page): Promise<void> {
  await page.addInitScript({ content: TAP_SCRIPT });
}

/** Plain JS (the e2e project has no DOM types); runs in the page before the app. */
const TAP_SCRIPT = `(() => {
  const analysers = [];
  const byDestination = new WeakMap();
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (destination, ...rest) {
    const result = connect.call(this, destination, ...rest);
    if (destination instanceof AudioDestinationNode) {
      let tap = byDestination.get(destination);
      if (!tap) {
        tap = destination.context.createAnalyser();
        tap.fftSize = 2048;
        byDestination.set(destination, tap);
        analysers.push(tap);
      }
      connect.call(this, tap);
    }
    return result;
  };
  const buffer = new Float32Array(2048);
  window.__tapLevel = () => {
    let peak = 0;
    for (const a of analysers) {
      a.getFloatTimeDomainData(buffer);
      for (const v of buffer) peak = Math.max(peak, Math.abs(v));
    }
    return peak;
  };
})();`;

/** The loudest level the tap reads over `ms` (polled every 50 ms). */
export async function peakLevel(page: Page, ms: number): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const read = window.__tapLevel;
    if (!read) return -1;
    let peak = 0;
    const end = performance.now() + ${ms};
    while (performance.now() < end) {
      peak = Math.max(peak, read());
      await new Promise((r) => setTimeout(r, 50));
    }
    return peak;
  })()`);
}
