import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { resultCount, rows, visibleNames } from './helpers';
import { shotAtSizes, SIZES, startProducerServer, watchErrors } from './producerHour';
import { openApp, stopServer, tempRoot, type RunningServer } from './server';

/**
 * Browsing by folder and pack, and acting on what the map shows (issue 21, items 9, 11 and
 * "hide duplicates" of 12): the folder tree, the Folder column, the column chooser and
 * resizable columns (kept across a reload), the row menu, the waveform column and the fit
 * at 1024×700, the map's legend, hover name and lasso, and duplicates hidden from results.
 */
test.describe.configure({ mode: 'serial' });

const KITS = '/usr/share/hydrogen/data/drumkits';

let root: string;
let library: string;
let server: RunningServer;
let page: Page;
let errors: string[];

const nav = (p: Page) => p.getByRole('navigation', { name: 'Library' });
const header = (p: Page) => p.locator('.row--header');
const player = (p: Page) => p.getByRole('region', { name: 'Player' });
const search = (p: Page) => p.getByLabel('Search samples');

/** A producer's folder: two packs each with a bd_01.flac, two kits, and one exact copy. */
function makeLibrary(): string {
  const lib = join(root, 'Samples');
  const put = (from: string, to: string) => {
    mkdirSync(join(lib, to, '..'), { recursive: true });
    copyFileSync(join(KITS, from), join(lib, to));
  };
  put('ElectricEmpireKit/EE_Kick_Hard_1.flac', 'Kit A/Kicks/bd_01.flac');
  put('ElectricEmpireKit/EE_Kick_Hard_2.flac', 'Kit A/Kicks/Hard/bd_02.flac');
  put('ElectricEmpireKit/EE_Kick_Low_1.flac', 'Kit B/Kicks/bd_01.flac');
  for (const kit of ['TR808EmulationKit', 'HardElectro1'])
    cpSync(join(KITS, kit), join(lib, kit), {
      recursive: true,
      filter: (p) => !p.endsWith('.xml'),
    });
  put('TR808EmulationKit/808_Clap.flac', 'Kit B/clap_copy.flac');
  return lib;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  root = tempRoot('samplemind-browse-');
  library = makeLibrary();
  server = await startProducerServer(root);
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  errors = watchErrors(page);
  await openApp(page, server);
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill(library);
  await field.press('Enter');
  await expect(page.locator('.import-line[data-phase]')).toHaveAttribute('data-phase', 'done', {
    timeout: 60_000,
  });
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle', {
    timeout: 150_000,
  });
});

test.afterAll(async () => {
  await page?.context().close();
  if (server) await stopServer(server, 300);
  rmSync(root, { recursive: true, force: true });
});

test('the folder tree opens into packs and sub-folders with counts; a click shows that subtree', async () => {
  const all = await resultCount(page);
  expect(all).toBeGreaterThan(30);
  await nav(page).getByRole('button', { name: 'Show the folders in Samples' }).click();
  const kitA = nav(page).locator('button[data-dir="Kit A"]');
  await expect(kitA).toBeVisible();
  // Packs in the order a file manager lists them, each with what lies below it.
  const dirs = await nav(page)
    .locator('.folder-tree button[data-dir]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-dir')));
  expect(dirs).toEqual(['', 'HardElectro1', 'Kit A', 'Kit B', 'TR808EmulationKit']);
  await expect(kitA.locator('.nav-count')).toHaveText('2');
  await expect(nav(page).locator('button[data-dir="Kit B"] .nav-count')).toHaveText('2');
  await nav(page).getByRole('button', { name: 'Show the folders in Kit A' }).click();
  await nav(page).getByRole('button', { name: 'Show the folders in Kicks' }).first().click();
  await expect(nav(page).locator('button[data-dir="Kit A/Kicks/Hard"]')).toBeVisible();
  await shotAtSizes(page, 'b01-folder-tree');

  await kitA.click();
  await expect(kitA).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => resultCount(page)).toBe(2);
  expect((await visibleNames(page)).sort()).toEqual(['bd_01.flac', 'bd_02.flac']);
  await nav(page).locator('button[data-dir="Kit A/Kicks/Hard"]').click();
  await expect.poll(() => resultCount(page)).toBe(1);
  expect(await visibleNames(page)).toEqual(['bd_02.flac']);
  // The library folder itself: everything again.
  await nav(page).locator('button[data-dir=""]').click();
  await expect.poll(() => resultCount(page)).toBe(all);
  await nav(page)
    .getByRole('button', { name: /^All samples/ })
    .click();
});

test('the Folder column tells two bd_01.flac apart', async () => {
  await search(page).fill('bd_01');
  await expect.poll(() => resultCount(page)).toBe(2);
  const folders = await rows(page).locator('.cell--folder').allTextContents();
  expect(folders.sort()).toEqual(['Kit A/Kicks', 'Kit B/Kicks']);
  await expect(rows(page).first().locator('.cell--folder')).toHaveAttribute(
    'title',
    new RegExp(`^${library}/Kit [AB]/Kicks$`),
  );
  // Sorted by folder (the path), both ways.
  await header(page).getByRole('button', { name: 'Folder' }).click();
  await expect(rows(page).first().locator('.cell--folder')).toHaveText('Kit A/Kicks');
  await header(page).getByRole('button', { name: 'Folder' }).click();
  await expect(rows(page).first().locator('.cell--folder')).toHaveText('Kit B/Kicks');
  await search(page).fill('');
});

test('columns: chosen and resized, both kept across a reload', async () => {
  await header(page).getByRole('button', { name: 'Choose columns' }).click();
  const chooser = page.getByRole('group', { name: 'Columns' });
  await expect(chooser.getByRole('checkbox', { name: 'Name' })).toBeDisabled();
  await chooser.getByRole('checkbox', { name: 'LUFS' }).uncheck();
  await chooser.getByRole('checkbox', { name: 'Added' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(header(page).locator('[data-column="lufs"]')).toHaveCount(0);
  await expect(rows(page).first().locator('.cell--lufs')).toHaveCount(0);

  const bpm = header(page).locator('[data-column="bpm"]');
  const before = (await bpm.boundingBox())!.width;
  const grip = (await header(page)
    .getByRole('separator', { name: 'Resize BPM column' })
    .boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 50, grip.y + grip.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = (await bpm.boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 40);
  // Rows follow the header.
  expect((await rows(page).first().locator('.cell--bpm').boundingBox())!.width).toBeCloseTo(
    after,
    0,
  );

  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(header(page).locator('[data-column="lufs"]')).toHaveCount(0);
  await expect(header(page).locator('[data-column="added"]')).toHaveCount(0);
  expect((await header(page).locator('[data-column="bpm"]').boundingBox())!.width).toBeCloseTo(
    after,
    0,
  );
  // Back to the defaults: double-click the grip, show LUFS again.
  await header(page).getByRole('separator', { name: 'Resize BPM column' }).dblclick();
  expect((await bpm.boundingBox())!.width).toBeCloseTo(before, 0);
  await header(page).getByRole('button', { name: 'Choose columns' }).click();
  await page
    .getByRole('group', { name: 'Columns' })
    .getByRole('checkbox', { name: 'LUFS' })
    .check();
  await page.keyboard.press('Escape');
  await expect(header(page).locator('[data-column="lufs"]')).toHaveCount(1);
});

test('right-click a row: play, find similar, tag, add to a collection, copy path; reveal is desktop-only', async () => {
  await search(page).fill('808_Cowbell');
  await expect.poll(() => resultCount(page)).toBe(1);
  const row = rows(page).first();
  const menu = page.getByRole('menu', { name: 'Actions for 808_Cowbell.flac' });

  await row.click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(menu.getByRole('menuitem', { name: /Reveal in folder/ })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Play' })).toBeFocused();
  // (A resize closes the menu: it is opened again at each size.)
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await row.click({ button: 'right' });
    await expect(menu).toBeVisible();
    await page.screenshot({
      path: `test-results/screenshots/b02-row-menu-${size.width}x${size.height}.png`,
    });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Play' }).click();
  await expect(menu).toBeHidden();
  await expect(player(page).locator('.player-title strong')).toHaveText('808_Cowbell.flac');

  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Copy path' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Path copied' })).toBeVisible();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(
    join(library, 'TR808EmulationKit', '808_Cowbell.flac'),
  );

  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'New collection…' }).click();
  await menu.getByLabel('New collection name').fill('Bells');
  await menu.getByRole('button', { name: 'Create' }).click();
  await expect(nav(page).locator('[data-collection="Bells"] .nav-count')).toHaveText('1');

  // The keyboard opens it too (menu key), and Escape closes it.
  await row.click();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Find similar' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /^Tag…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags for 1 sample' });
  await dialog.getByLabel('Add tags').fill('cowbell');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row.locator('.cell--tags .tag--user')).toHaveText('cowbell');

  await row.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Find similar' }).click();
  const panel = page.getByRole('complementary', { name: 'Similar sounds' });
  await expect(panel.getByRole('heading')).toHaveText('Similar to 808_Cowbell.flac');
  await search(page).fill('');
});

test('the waveform column grows with the window; at 1024×700 the main columns fit beside the side panel', async () => {
  test.setTimeout(90_000);
  const panel = page.getByRole('complementary', { name: 'Similar sounds' });
  await expect(panel).toBeVisible();
  const waveAt = async (width: number, height: number) => {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    return (await rows(page).locator('canvas.miniwave').first().boundingBox())!.width;
  };
  const narrow = await waveAt(1024, 700);
  const wide = await waveAt(1920, 1080);
  expect(wide).toBeGreaterThan(narrow + 40);

  for (const open of [true, false]) {
    if (!open) await panel.getByRole('button', { name: 'Close similar sounds' }).click();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(200);
    const table = (await page.getByRole('grid', { name: 'Samples' }).boundingBox())!;
    for (const column of ['name', 'folder', 'class', 'bpm', 'key']) {
      const cell = (await header(page).locator(`[data-column="${column}"]`).boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(table.x + table.width + 1);
    }
    // Nothing to scroll sideways.
    const overflow = await page.locator('.table').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shotAtSizes(page, open ? 'b03-results-side-panel' : 'b04-results');
  }
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('hide duplicates: only the copy the Duplicates view keeps stays in the results', async () => {
  await nav(page).getByRole('button', { name: 'Duplicate groups' }).click();
  const dup = page.getByRole('region', { name: 'Duplicates' });
  const group = dup.locator('.dup-group').filter({ hasText: 'clap_copy.flac' });
  await expect(group).toBeVisible({ timeout: 30_000 });
  const keeper = (await group
    .locator('li')
    .filter({ hasText: 'keep' })
    .locator('code')
    .textContent())!;
  const copies = await group.locator('li code').allTextContents();
  expect(copies).toHaveLength(2);
  const names = (paths: string[]) => paths.map((p) => p.split('/').pop()!).sort();
  await shotAtSizes(page, 'b05-duplicates');

  await nav(page)
    .getByRole('button', { name: /^All samples/ })
    .click();
  const all = await resultCount(page);
  await search(page).fill('clap');
  await expect
    .poll(async () => (await visibleNames(page)).sort())
    .toEqual(expect.arrayContaining(names(copies)));
  await nav(page).getByLabel('Hide duplicate copies').check();
  await expect
    .poll(() => visibleNames(page))
    .not.toContain(names(copies.filter((c) => c !== keeper))[0]);
  expect(await visibleNames(page)).toContain(keeper.split('/').pop());
  await search(page).fill('');
  await expect.poll(() => resultCount(page)).toBe(all - 1);
  await nav(page).getByLabel('Hide duplicate copies').uncheck();
  await expect.poll(() => resultCount(page)).toBe(all);
});

test('map: a colour legend, the hovered name at once, a lasso to a collection and to tags', async () => {
  test.setTimeout(120_000);
  await nav(page).getByRole('button', { name: 'Similarity map' }).click();
  const map = page.getByRole('img', { name: 'Similarity map of samples' });
  await expect(map).toBeVisible({ timeout: 20_000 });
  const legend = page.getByRole('list', { name: 'Colours: instrument classes' });
  await expect(legend.getByRole('listitem').first()).toBeVisible();
  const total = Number(
    /\((\d+) samples\)/.exec((await page.locator('.map-bar p').textContent())!)![1],
  );
  const counts = await legend.locator('li .muted').allTextContents();
  expect(counts.reduce((n, c) => n + Number(c.trim()), 0)).toBe(total);
  expect(await legend.getByRole('listitem').count()).toBeGreaterThan(2);

  // Sweep until a point is under the pointer: its name shows beside it, with no wait.
  const box = (await map.boundingBox())!;
  const label = page.getByRole('status', { name: 'Point under the pointer' });
  let found = false;
  for (let y = 0.1; y < 0.95 && !found; y += 0.05)
    for (let x = 0.05; x < 0.8 && !found; x += 0.03) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      found = await label.isVisible();
    }
  expect(found).toBe(true);
  await expect(label).toHaveText(/\.flac/, { timeout: 100 });
  await shotAtSizes(page, 'b06-map');

  // Lasso everything: draw a ring round the whole map.
  await page.getByRole('button', { name: 'Lasso' }).click();
  const ring = [
    [0.01, 0.01],
    [0.99, 0.01],
    [0.99, 0.99],
    [0.01, 0.99],
    [0.01, 0.02],
  ] as const;
  await page.mouse.move(box.x + box.width * ring[0][0], box.y + box.height * ring[0][1]);
  await page.mouse.down();
  for (const [x, y] of ring.slice(1))
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
  await page.mouse.up();
  const bar = page.getByRole('toolbar', { name: 'Lassoed samples' });
  await expect(bar).toContainText(`${total} samples lassoed`);
  await bar.getByRole('button', { name: 'New collection…' }).click();
  await bar.getByLabel('New collection name').fill('Map picks');
  await bar.getByRole('button', { name: 'Create' }).click();
  await expect(nav(page).locator('[data-collection="Map picks"] .nav-count')).toHaveText(
    String(total),
  );
  await bar.getByRole('button', { name: 'Tag…' }).click();
  const dialog = page.getByRole('dialog', { name: `Tags for ${total} samples` });
  await dialog.getByLabel('Add tags').fill('from map');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tags updated' })).toContainText(
    `${total} samples`,
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await shotAtSizes(page, 'b07-map-lasso');
  await bar.getByRole('button', { name: 'Clear' }).click();
  await expect(bar).toBeHidden();

  await nav(page).locator('[data-collection="Map picks"]').click();
  await expect.poll(() => resultCount(page)).toBe(total);
  await page.locator('[data-filter="tags"]').click();
  await page.getByRole('checkbox', { name: /from map/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => resultCount(page)).toBe(total);
  await page.getByRole('button', { name: 'Clear Tags filter' }).click();
});

test('at 1024×700 the Explore links are on screen without scrolling the sidebar', async () => {
  await page.setViewportSize({ width: 1024, height: 700 });
  try {
    const sidebar = nav(page);
    // Collections make the sidebar longer than the window; Explore comes before them.
    expect(await sidebar.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    for (const name of ['Duplicate groups', 'Similarity map', 'Settings']) {
      const box = (await sidebar.getByRole('button', { name }).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(
        (await sidebar.boundingBox())!.y + (await sidebar.evaluate((el) => el.clientHeight)),
      );
    }
    expect(await sidebar.evaluate((el) => el.scrollTop)).toBe(0);
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

/**
 * Every main screen at the three window sizes (test-results/screenshots/b10-*), with no
 * console error or failed request on any: the library, a search with chips, Similar, the
 * map, Duplicates, the assistant's setup card and Settings.
 */
test('no console error and no failed request on any screen', async () => {
  test.setTimeout(120_000);
  const settle = () => page.waitForTimeout(600);
  await nav(page)
    .getByRole('button', { name: /^All samples/ })
    .click();
  await settle();
  await shotAtSizes(page, 'b10-library');

  await search(page).fill('kick one-shot ');
  await expect(page.getByRole('button', { name: 'Clear Kind filter' })).toBeVisible();
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await settle();
  await shotAtSizes(page, 'b10-search-chips');
  await page.getByRole('button', { name: 'Clear Kind filter' }).click();
  await search(page).fill('');

  const row = rows(page).first();
  await row.click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Find similar' }).click();
  await expect(
    page.getByRole('complementary', { name: 'Similar sounds' }).getByRole('heading'),
  ).toHaveText(/^Similar to /);
  await settle();
  await shotAtSizes(page, 'b10-similar');

  for (const [name, shot] of [
    ['Similarity map', 'b10-map'],
    ['Duplicate groups', 'b10-duplicates'],
    ['Settings', 'b10-settings'],
  ] as const) {
    await nav(page).getByRole('button', { name }).click();
    await settle();
    await shotAtSizes(page, shot);
  }

  await nav(page)
    .getByRole('button', { name: /^All samples/ })
    .click();
  await page.getByRole('button', { name: 'Assistant' }).click();
  const assistant = page.getByRole('complementary', { name: 'Assistant' });
  await expect(assistant.getByRole('region', { name: 'Set up the assistant' })).toBeVisible({
    timeout: 30_000,
  });
  await settle();
  await shotAtSizes(page, 'b10-chat-setup');
  // In a small window the assistant takes the Similar panel's place (both leave the list no room).
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByRole('complementary', { name: 'Similar sounds' })).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('complementary', { name: 'Similar sounds' })).toBeVisible();
  await page.getByRole('button', { name: 'Assistant' }).click();
  await page.waitForTimeout(400);
  expect(errors).toEqual([]);
});
