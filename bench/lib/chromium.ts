import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium, headless (Playwright cannot download its own browsers here). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', ...extraArgs],
  });
}
