import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { installAudioTap, peakLevel } from './audioTap';
import { audioState, resultCount, rows, visibleNames } from './helpers';
import {
  makeProducerLibrary,
  shotAtSizes,
  startProducerServer,
  watchErrors,
  type ProducerLibrary,
} from './producerHour';
import { openApp, stopServer, tempRoot, type RunningServer } from './server';

/**
 * A producer's first hour, on its own server and library (issue 21): the empty screen,
 * adding folders (typed paths, same-named folders, live counts), select-all, Similar,
 * Duplicates and the map feeding the player, sync and metronome sound, and no console
 * error or failed request anywhere.
 */
test.describe.configure({ mode: 'serial' });

let lib: ProducerLibrary;
let server: RunningServer;
let page: Page;
let errors: string[];

const player = (p: Page) => p.getByRole('region', { name: 'Player' });
const playerTitle = (p: Page) => player(p).locator('.player-title strong');

async function stopPlaying(p: Page): Promise<void> {
  const stop = player(p).getByRole('button', { name: 'Stop' });
  if (await stop.count()) await stop.click();
  await expect(player(p).getByRole('button', { name: 'Play' })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  lib = makeProducerLibrary();
  server = await startProducerServer(lib.root);
  page = await browser.newPage();
  errors = watchErrors(page);
  await installAudioTap(page);
  await openApp(page, server);
});

test.afterAll(async () => {
  await page?.close();
  if (server) await stopServer(server, 300);
  rmSync(lib.root, { recursive: true, force: true });
});

test('the empty library keeps the player bar small at every size', async () => {
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  for (const [width, height] of [
    [1024, 700],
    [1440, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const bar = await player(page).boundingBox();
    expect(bar!.height).toBeLessThan(140);
    // The player sits at the bottom; the main area takes the rest.
    expect(bar!.y + bar!.height).toBeGreaterThan(height - 2);
    const main = await page.getByRole('main').boundingBox();
    expect(main!.height).toBeGreaterThan(height * 0.5);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await shotAtSizes(page, 'p01-empty');
});

test('a typed ~ or relative path is refused with what to type instead', async () => {
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill('~/Samples');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“~” is not expanded');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('Samples');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“Samples” is a relative path');
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('No folders yet');
  await shotAtSizes(page, 'p02-relative-path');
});

test('two folders named "samples" are told apart; counts are live; no waveform 404s', async () => {
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill(lib.lmms);
  await field.press('Enter');
  const line = page.locator('.import-line[data-phase]');
  await expect(line).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  await expect.poll(() => resultCount(page)).toBeGreaterThan(20);
  const top = page.locator('.topbar').getByLabel('Folder path');
  await top.fill(lib.kits);
  await top.press('Enter');
  await expect(line).toContainText(/hydrogen\/samples/, { timeout: 30_000 });
  await expect(line).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  // The progress line counted the files it imported.
  await expect(line).toContainText(/1[67] files/);
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /^lmms\/samples/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /^hydrogen\/samples/ })).toHaveAttribute(
    'title',
    lib.kits,
  );
  await shotAtSizes(page, 'p03-two-samples-folders');
  // Analysis runs; rows not analysed yet never asked for a waveform (checked at the end).
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle', {
    timeout: 120_000,
  });
  await expect(page.locator('.analysis-line')).toContainText('Analysis up to date');
  await page.getByRole('button', { name: /^All samples/ }).click();
  await expect(rows(page).locator('canvas.miniwave').first()).toBeVisible({ timeout: 10_000 });
});

test('the metronome and a synced loop sound through the audio tap', async () => {
  const sync = page.getByRole('group', { name: 'Sync to project' });
  await sync.getByRole('button', { name: 'Metronome' }).click();
  await expect(sync.getByRole('button', { name: 'Metronome' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const clicking = await peakLevel(page, 2500);
  expect(clicking).toBeGreaterThan(0.01);
  await sync.getByRole('button', { name: 'Metronome' }).click();
  await page.waitForTimeout(800);
  // Off: at most the tail of the last click.
  expect(await peakLevel(page, 600)).toBeLessThan(clicking / 5);

  await sync.getByLabel('Project BPM').fill('140');
  await sync.getByLabel('Project key').selectOption('E minor');
  await sync.getByRole('checkbox').check();
  await page.getByLabel('Search samples').fill('bass');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(2);
  // A bass loop with a tempo: it is time-stretched through Tone.js.
  const loop = rows(page)
    .filter({ has: page.locator('.cell--kind', { hasText: 'loop' }) })
    .filter({ has: page.locator('.cell--bpm', { hasText: /\d/ }) })
    .first();
  await loop.click();
  await expect(player(page).locator('.badge')).toContainText(/stretched ×/);
  await expect.poll(() => audioState(page).then((a) => a.src)).toMatch(/^tone:/);
  expect(await peakLevel(page, 3000)).toBeGreaterThan(0.01);
  await shotAtSizes(page, 'p04-sync');
  await stopPlaying(page);
  await sync.getByRole('checkbox').uncheck();
  await page.getByLabel('Search samples').fill('');
});

test('Similar: playing a result keeps the list; ≈ walks on; back and forward return', async () => {
  await page.getByLabel('Search samples').fill('808');
  // The list has been replaced by the search's rows (not the previous, longer list).
  await expect
    .poll(async () => (await visibleNames(page)).every((n) => n.includes('808')))
    .toBe(true);
  const first = (await visibleNames(page))[0]!;
  await rows(page).first().click();
  await player(page).getByRole('button', { name: 'Similar sounds' }).click();
  const panel = page.getByRole('complementary', { name: 'Similar sounds' });
  await expect(panel.getByRole('heading')).toHaveText(`Similar to ${first}`);
  const items = panel.locator('.similar-item .similar-name');
  await expect(items.first()).toBeVisible({ timeout: 20_000 });
  const before = await items.allTextContents();
  await panel.locator('.similar-item').nth(1).click();
  const played = (await panel
    .locator('.similar-item')
    .nth(1)
    .locator('.similar-name')
    .textContent())!;
  await expect(playerTitle(page)).toHaveText(played.replace(/^\d+%/, ''));
  await expect(panel.getByRole('heading')).toHaveText(`Similar to ${first}`);
  expect(await items.allTextContents()).toEqual(before);
  await shotAtSizes(page, 'p05-similar');

  const next = played.replace(/^\d+%/, '');
  await panel.getByRole('button', { name: `Find sounds similar to ${next}` }).click();
  await expect(panel.getByRole('heading')).toHaveText(`Similar to ${next}`);
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panel.getByRole('heading')).toHaveText(`Similar to ${first}`);
  await panel.getByRole('button', { name: 'Forward' }).click();
  await expect(panel.getByRole('heading')).toHaveText(`Similar to ${next}`);
  // Aspects: weigh rhythm off, and the neighbours are asked for again.
  const rhythm = panel
    .getByRole('group', { name: 'Compare by' })
    .getByRole('button', { name: 'rhythm' });
  await rhythm.click();
  await expect(rhythm).toHaveAttribute('aria-pressed', 'false');
  await expect(items.first()).toBeVisible();
  await rhythm.click();
  await panel.getByRole('button', { name: 'Close similar sounds' }).click();
});

test('the player bar shows what plays from Duplicates and from the map', async () => {
  // The map is swept point by point (hundreds of mouse moves): ~50 s at load 20 on 2 cores.
  test.setTimeout(120_000);
  // The list holds none of what is played next.
  await page.getByLabel('Search samples').fill('techno');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Duplicate groups' }).click();
  const dup = page.getByRole('region', { name: 'Duplicates' });
  await expect(dup).toBeVisible({ timeout: 30_000 });
  await dup.getByRole('button', { name: 'Play clap_copy.flac' }).click();
  await expect(playerTitle(page)).toHaveText('clap_copy.flac');
  // Act on the extra copies: select them (the keeper stays unselected), tag them.
  const clapGroup = dup.locator('.dup-group').filter({ hasText: 'clap_copy.flac' });
  const keeper = (await clapGroup
    .locator('li')
    .filter({ hasText: 'keep' })
    .locator('code')
    .textContent())!;
  await dup.getByRole('button', { name: 'Select extra copies' }).click();
  await expect(clapGroup.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(
    clapGroup.locator('li').filter({ hasText: keeper }).getByRole('checkbox'),
  ).not.toBeChecked();
  await expect(dup.getByText('Where the copies are')).toBeVisible();
  await dup.getByRole('button', { name: 'Tag…' }).click();
  await expect(page.getByRole('dialog', { name: /Tags for \d+ samples?/ })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await shotAtSizes(page, 'p06-duplicates');

  await page.getByRole('button', { name: 'Similarity map' }).click();
  const map = page.getByRole('img', { name: 'Similarity map of samples' });
  await expect(map).toBeVisible({ timeout: 20_000 });
  const box = (await map.boundingBox())!;
  const shown = await playerTitle(page).textContent();
  // Sweep the map until a point is under the pointer: its sample plays and the bar says so.
  let changed = false;
  for (let y = 0.1; y < 0.95 && !changed; y += 0.05) {
    for (let x = 0.05; x < 0.97 && !changed; x += 0.03) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      changed = (await playerTitle(page).textContent()) !== shown;
    }
  }
  expect(changed).toBe(true);
  await expect(playerTitle(page)).not.toHaveText('');
  await shotAtSizes(page, 'p07-map');
  await stopPlaying(page);
  await page.getByRole('button', { name: /^All samples/ }).click();
  await page.getByLabel('Search samples').fill('');
});

test('select all reaches every match, not only the loaded rows: tag, favourite, rate', async () => {
  await page.locator('.topbar').getByLabel('Folder path').fill(lib.bulk);
  await page.locator('.topbar').getByLabel('Folder path').press('Enter');
  await expect(page.locator('.import-line[data-phase]')).toContainText('Bulk Pack', {
    timeout: 30_000,
  });
  await expect(page.locator('.import-line[data-phase]')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000,
  });
  await page.getByLabel('Search samples').fill('bulkhit');
  await expect.poll(() => resultCount(page)).toBe(lib.bulkCount);
  expect(await rows(page).count()).toBeLessThan(lib.bulkCount);
  await rows(page).first().click();
  await page.keyboard.press('Control+a');
  const bar = page.getByRole('toolbar', { name: 'Selected samples' });
  await expect(bar).toContainText(`${lib.bulkCount} selected`);
  await bar.getByRole('button', { name: 'Tag…' }).click();
  const dialog = page.getByRole('dialog', { name: `Tags for ${lib.bulkCount} samples` });
  await dialog.getByLabel('Add tags').fill('whole pack');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tags updated' })).toContainText(
    `${lib.bulkCount} samples`,
  );
  await shotAtSizes(page, 'p08-select-all-tags');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await bar.getByRole('button', { name: '♥ Favourite' }).click();
  await bar.getByLabel('Rate selection').selectOption('4');
  await expect(page.getByRole('status').filter({ hasText: 'Rated' })).toContainText(
    `Rated ${lib.bulkCount} samples`,
  );

  await page.getByLabel('Search samples').fill('');
  await page.locator('[data-filter="tags"]').click();
  await page.getByRole('checkbox', { name: /whole pack/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => resultCount(page)).toBe(lib.bulkCount);
  // The user's own tag comes before the automatic ones and stands out.
  const firstTag = rows(page).first().locator('.cell--tags .tag').first();
  await expect(firstTag).toHaveText('whole pack');
  await expect(firstTag).toHaveClass(/tag--user/);
  await page.getByRole('button', { name: 'Clear Tags filter' }).click();
  // "Untagged" means no tag of the user's: automatic tags do not count.
  await expect.poll(() => resultCount(page)).toBeGreaterThan(lib.bulkCount);
  const all = await resultCount(page);
  await page.getByRole('button', { name: /^Untagged/ }).click();
  await expect.poll(() => resultCount(page)).toBe(all - lib.bulkCount);
  await page.getByRole('button', { name: /^All samples/ }).click();
  await page.getByRole('button', { name: '♥ Favourites' }).click();
  await expect.poll(() => resultCount(page)).toBe(lib.bulkCount);
  await page.getByRole('button', { name: '♥ Favourites' }).click();
  await page.locator('[data-filter="minRating"]').click();
  await page.getByRole('radio', { name: '★★★★ or more', exact: true }).click();
  await expect.poll(() => resultCount(page)).toBe(lib.bulkCount);
  await page.getByRole('button', { name: 'Clear Rating filter' }).click();
});

test('typed "120 bpm", "C minor" and "loop " become filter chips at once', async () => {
  const search = page.getByLabel('Search samples');
  await search.fill('');
  await search.pressSequentially('techno 120 bpm', { delay: 20 });
  await expect(page.locator('[data-filter="bpm"]')).toContainText('118–122 BPM');
  await expect(search).toHaveValue('techno');
  await search.pressSequentially(' C minor loop ', { delay: 20 });
  await expect(page.locator('[data-filter="key"]')).toHaveClass(/chip--active/);
  await expect(page.locator('[data-filter="kind"]')).toHaveClass(/chip--active/);
  await expect(search).toHaveValue('techno ');
  await shotAtSizes(page, 'p09-typed-chips');
  for (const name of ['BPM', 'Key', 'Kind'])
    await page.getByRole('button', { name: `Clear ${name} filter` }).click();
  await search.fill('');
});

test('no console error and no failed request on any screen', async () => {
  for (const name of ['Duplicate groups', 'Similarity map', 'Settings']) {
    await page.getByRole('button', { name }).click();
    await page.waitForTimeout(800);
  }
  await page.getByRole('button', { name: /^All samples/ }).click();
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});

/** The built-in model table with some providers' base URLs replaced, as a user's ai-models.json. */
function modelTableWith(baseURLs: Record<string, string>): string {
  const table = JSON.parse(
    readFileSync(join(process.cwd(), 'resources/ai/models.json'), 'utf8'),
  ) as {
    providers: Record<string, { baseURL: string }>;
  };
  for (const [provider, baseURL] of Object.entries(baseURLs))
    table.providers[provider]!.baseURL = baseURL;
  return JSON.stringify(table);
}

test('Settings lists a provider address changed by ai-models.json and refuses a plain-http one', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // Its own server and data dir: the table is read once, when the AI service starts.
  const root = tempRoot('samplemind-endpoints-');
  const table = join(root, 'data', 'ai-models.json');
  const loopback = 'http://127.0.0.1:18080/v1';
  const refused = 'http://collector.example/v1';
  const openSettings = async (own: RunningServer): Promise<Page> => {
    const p = await browser.newPage();
    await openApp(p, own);
    await p.getByRole('button', { name: 'Settings' }).click();
    await expect(p.getByRole('heading', { name: 'Settings' })).toBeVisible();
    return p;
  };
  let own: RunningServer | null = null;
  try {
    // 1. OpenAI moved to a loopback proxy (allowed) and Groq to a plain-http host (refused):
    //    the whole table is refused, with the file, the field and the rule named.
    mkdirSync(join(root, 'data'), { recursive: true });
    writeFileSync(table, modelTableWith({ openai: loopback, groq: refused }));
    own = await startProducerServer(root);
    let p = await openSettings(own);
    const settings = p.getByRole('region', { name: 'Settings' });
    const alert = settings.getByRole('alert');
    await expect(alert).toContainText('ai-models.json');
    await expect(alert).toContainText('providers.groq.baseURL');
    await expect(alert).toContainText('https://, or http:// on a loopback address');
    // Nothing of the refused table is used: no provider row, no changed address listed.
    await expect(settings.getByRole('checkbox', { name: 'use Groq' })).toHaveCount(0);
    await expect(settings.getByRole('note', { name: 'Changed provider addresses' })).toHaveCount(0);
    await p.screenshot({ path: 'test-results/screenshots/p10-ai-models-refused.png' });
    await p.close();
    await stopServer(own, 300);

    // 2. Only the loopback change: the table is used and Settings says where OpenAI's
    //    requests (and key) now go, next to the usual address.
    writeFileSync(table, modelTableWith({ openai: loopback }));
    own = await startProducerServer(root);
    p = await openSettings(own);
    const note = p
      .getByRole('region', { name: 'Settings' })
      .getByRole('note', { name: 'Changed provider addresses' });
    await expect(note).toContainText('ai-models.json');
    await expect(note.getByRole('listitem')).toHaveCount(1);
    await expect(note.locator('li[data-provider="openai"]')).toHaveText(
      `OpenAI: ${loopback} (usually https://api.openai.com/v1)`,
    );
    await expect(p.getByRole('checkbox', { name: 'use Groq' })).toBeVisible();
    await expect(p.getByRole('region', { name: 'Settings' }).getByRole('alert')).toHaveCount(0);
    await p.screenshot({ path: 'test-results/screenshots/p10-ai-models-changed.png' });
    await p.close();
  } finally {
    if (own) await stopServer(own, 300);
    rmSync(root, { recursive: true, force: true });
  }
});
