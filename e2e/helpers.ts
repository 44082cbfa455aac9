import { expect, type Page } from '@playwright/test';

export function loginUrl(): string {
  const url = process.env.SM_E2E_LOGIN;
  if (!url) throw new Error('SM_E2E_LOGIN is not set: the global setup did not run');
  return url;
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

interface MediaLike {
  paused: boolean;
  currentTime: number;
  currentSrc: string;
}

/** State of the audition <audio> element. */
export function audioState(page: Page): Promise<{ paused: boolean; t: number; src: string }> {
  return page
    .locator('audio[data-testid="audition"]')
    .evaluate((a: MediaLike) => ({ paused: a.paused, t: a.currentTime, src: a.currentSrc }));
}

/** The audition element is playing and its clock advances. */
export async function expectAudioPlaying(page: Page): Promise<void> {
  await expect.poll(() => audioState(page), { timeout: 10_000 }).toMatchObject({ paused: false });
  const t0 = (await audioState(page)).t;
  await expect.poll(async () => (await audioState(page)).t).toBeGreaterThan(t0);
}
