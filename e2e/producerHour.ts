import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { NO_AI_PROVIDER_ENV, startServer, tempRoot, type RunningServer } from './server';
import { writeNoiseWav } from './wavFiles';

const HYDROGEN = '/usr/share/hydrogen/data/drumkits';
const LMMS = '/usr/share/lmms/samples';

export interface ProducerLibrary {
  root: string;
  /** Two library folders with the same name, "samples", under different parents. */
  lmms: string;
  kits: string;
  /** Many small generated one-shots: more than the first page of results. */
  bulk: string;
  bulkCount: number;
}

/** Folders as a producer has them: LMMS loops, a drum kit (with one exact copy), a big pack. */
export function makeProducerLibrary(): ProducerLibrary {
  const root = tempRoot('samplemind-producer-');
  const lmms = join(root, 'lmms', 'samples');
  const kits = join(root, 'hydrogen', 'samples');
  const bulk = join(root, 'packs', 'Bulk Pack');
  for (const dir of ['bassloops', 'beats'])
    cpSync(join(LMMS, dir), join(lmms, dir), { recursive: true });
  cpSync(join(HYDROGEN, 'TR808EmulationKit'), join(kits, 'TR808'), {
    recursive: true,
    filter: (p) => !p.endsWith('.xml'),
  });
  // An exact copy under another name: a duplicate group.
  copyFileSync(join(kits, 'TR808', '808_Clap.flac'), join(lmms, 'clap_copy.flac'));
  mkdirSync(bulk, { recursive: true });
  const bulkCount = 400;
  for (let i = 1; i <= bulkCount; i++)
    writeNoiseWav(join(bulk, `bulkhit_${String(i).padStart(3, '0')}.wav`), i);
  return { root, lmms, kits, bulk, bulkCount };
}

export async function startProducerServer(root: string): Promise<RunningServer> {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  return startServer(dataDir, [], NO_AI_PROVIDER_ENV);
}

export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Screenshots of the screen at the three window sizes producers use; back to 1440×900 after. */
export async function shotAtSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({
      path: `test-results/screenshots/${name}-${size.width}x${size.height}.png`,
    });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Console errors and failed requests of a page, collected for a "no error anywhere" check. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
  });
  return errors;
}
