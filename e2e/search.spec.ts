import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pcm16WavHeader } from '../electron/library/fixtures/tinyWav';
import { resultCount, visibleNames } from './helpers';
import { startProducerServer, watchErrors } from './producerHour';
import { openApp, stopServer, tempRoot, type RunningServer } from './server';
import { writeNoiseWav } from './wavFiles';

/**
 * Forgiving search (issue 21 item 8) on its own server and library of real drum samples
 * plus two generated pads: every spelling of hi-hat finds the same rows, a misspelt kick
 * finds kicks, and "dark pad" finds the pad that analysis found dark.
 */
test.describe.configure({ mode: 'serial' });

const HYDROGEN = '/usr/share/hydrogen/data/drumkits/TR808EmulationKit';
const LMMS = '/usr/share/lmms/samples/drums';
const SONIC = '/usr/share/sonic-pi/samples';

const HATS = [
  '808_Hat_Closed.flac',
  '808_Hat_Open.flac',
  'hihat_closed01.ogg',
  'Hi-Hat 03.ogg',
  'hh_tight.ogg',
];
const KICKS = ['808_Kick_Long.flac', 'kick01.ogg', 'bassdrum01.ogg', 'bd_haus.flac'];

/** A low, slow sine chord (A2 + E3): dark by its spectral centroid. */
function writeDarkPad(path: string, seconds = 2, rate = 22_050): void {
  const frames = Math.round(seconds * rate);
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    const env = Math.min(1, t / 0.3);
    const v = 0.3 * Math.sin(2 * Math.PI * 110 * t) + 0.2 * Math.sin(2 * Math.PI * 165 * t);
    data.writeInt16LE(Math.round(v * env * 32_000), i * 2);
  }
  writeFileSync(path, Buffer.concat([pcm16WavHeader(data.length, rate, 1), data]));
}

function makeLibrary(root: string): string {
  const dir = join(root, 'Search Pack');
  mkdirSync(dir, { recursive: true });
  for (const f of [
    '808_Hat_Closed.flac',
    '808_Hat_Open.flac',
    '808_Kick_Long.flac',
    '808_Snare_1.flac',
  ])
    copyFileSync(join(HYDROGEN, f), join(dir, f));
  for (const f of ['hihat_closed01.ogg', 'kick01.ogg', 'bassdrum01.ogg', 'snare01.ogg'])
    copyFileSync(join(LMMS, f), join(dir, f));
  copyFileSync(join(LMMS, 'hihat_closed02.ogg'), join(dir, 'Hi-Hat 03.ogg'));
  copyFileSync(join(LMMS, 'hihat_closed03.ogg'), join(dir, 'hh_tight.ogg'));
  for (const f of ['bd_haus.flac', 'sn_dub.flac']) copyFileSync(join(SONIC, f), join(dir, f));
  writeDarkPad(join(dir, 'juno_pad01.wav'));
  writeNoiseWav(join(dir, 'juno_pad02.wav'), 7, 1.5, 44_100);
  return dir;
}

let root: string;
let server: RunningServer;
let page: Page;
let errors: string[];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  root = tempRoot('samplemind-search-');
  const folder = makeLibrary(root);
  server = await startProducerServer(root);
  page = await browser.newPage();
  errors = watchErrors(page);
  await openApp(page, server);
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill(folder);
  await field.press('Enter');
  await expect(page.locator('.import-line[data-phase]')).toHaveAttribute('data-phase', 'done', {
    timeout: 30_000,
  });
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle', {
    timeout: 150_000,
  });
});

test.afterAll(async () => {
  await page?.close();
  if (server) await stopServer(server, 300);
  rmSync(root, { recursive: true, force: true });
});

/** Types a query into the search box and returns the names listed once the count settles. */
async function searchFor(text: string): Promise<string[]> {
  const box = page.getByLabel('Search samples');
  await box.fill('');
  await expect.poll(() => resultCount(page)).toBe(14);
  await box.pressSequentially(text, { delay: 15 });
  await expect.poll(() => resultCount(page)).toBeLessThan(14);
  await expect.poll(async () => (await visibleNames(page)).length).toBe(await resultCount(page));
  return (await visibleNames(page)).sort();
}

test('"hihat", "hi hat", "hi-hat" and "hh" list the same hats', async () => {
  const hihat = await searchFor('hihat');
  expect(hihat).toEqual(expect.arrayContaining(HATS));
  for (const name of [...KICKS, 'snare01.ogg', 'juno_pad01.wav']) expect(hihat).not.toContain(name);
  for (const typed of ['hi hat', 'hi-hat', 'hh'])
    expect(await searchFor(typed), typed).toEqual(hihat);
});

test('a misspelt "kik" and a typo "kcik" still find the kicks', async () => {
  const kik = await searchFor('kik');
  expect(kik).toEqual(expect.arrayContaining(KICKS));
  for (const name of HATS) expect(kik).not.toContain(name);
  expect(await searchFor('kcik')).toEqual(kik);
});

test('"dark pad" finds the pad analysis found dark, not the bright one', async () => {
  expect(await searchFor('dark pad')).toEqual(['juno_pad01.wav']);
  expect(await searchFor('pad')).toEqual(['juno_pad01.wav', 'juno_pad02.wav']);
  await page.getByLabel('Search samples').fill('');
  expect(errors).toEqual([]);
});
