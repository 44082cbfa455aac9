import { expect, type Page } from '@playwright/test';
import { VOICE_MARK, type VoiceKind } from '../shared/userTiming';
import { READ_AUDIO_CLOCK } from './audioClock';
import { openApp as openAppOn } from './server';

/** Opens the suite's server in a page, logged in with the session the global setup opened. */
export async function openApp(page: Page) {
  const url = process.env.SM_E2E_URL;
  const session = process.env.SM_E2E_SESSION;
  if (!url || !session) throw new Error('SM_E2E_URL is not set: the global setup did not run');
  return openAppOn(page, { url, session });
}

export function libraryPath(): string {
  const p = process.env.SM_E2E_LIBRARY;
  if (!p) throw new Error('SM_E2E_LIBRARY is not set');
  return p;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** The sample rows on screen (header excluded). */
export const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-id]');

export async function visibleNames(page: Page): Promise<string[]> {
  return rows(page).locator('.cell--name').allTextContents();
}

export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('.searchbar-count').textContent()) ?? '';
  const m = /([\d,]+) sample/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : -1;
}

interface AuditionView {
  voice: VoiceKind;
  mediaPaused: boolean;
  mediaTime: number;
  src: string;
  clock: { running: boolean; time: number };
  currentRow: string;
}

/** Plain JS: the voice from the app's last User Timing voice mark, the <audio> element, the clocks. */
const READ_AUDITION = `(() => {
  const mark = performance.getEntriesByName(${JSON.stringify(VOICE_MARK)}, 'mark').at(-1);
  const media = document.querySelector('audio[data-testid="audition"]');
  return {
    voice: mark?.detail?.voice ?? null,
    mediaPaused: media ? media.paused : true,
    mediaTime: media ? media.currentTime : 0,
    src: media ? media.currentSrc : '',
    clock: ${READ_AUDIO_CLOCK},
    currentRow: document.querySelector('.row--current')?.dataset.id ?? '',
  };
})()`;

/**
 * What the audition engine is doing: short samples play from decoded buffers in the
 * AudioContext, longer ones stream through the <audio> element. `t` is that voice's clock.
 * The voice is the one the app's last `samplemind:voice` mark names (shared/userTiming.ts).
 */
export async function audioState(page: Page): Promise<{ paused: boolean; t: number; src: string }> {
  const v = await page.evaluate<AuditionView>(READ_AUDITION);
  if (v.voice === null) return { paused: true, t: 0, src: v.src };
  if (v.voice === 'media') return { paused: v.mediaPaused, t: v.mediaTime, src: v.src };
  // A decoded buffer (or the Tone voice) is sounding in a running AudioContext.
  return { paused: !v.clock.running, t: v.clock.time, src: `${v.voice}:${v.currentRow}` };
}

/** The audition voice is sounding and its clock advances. */
export async function expectAudioPlaying(page: Page): Promise<void> {
  await expect.poll(() => audioState(page), { timeout: 10_000 }).toMatchObject({ paused: false });
  const t0 = (await audioState(page)).t;
  await expect.poll(async () => (await audioState(page)).t).toBeGreaterThan(t0);
}
