import { expect, test, type Page } from '@playwright/test';
import {
  audioState,
  expectAudioPlaying,
  libraryPath,
  openApp,
  resultCount,
  rows,
  shot,
  visibleNames,
} from './helpers';

/**
 * One producer session against the real backend, in order: add a folder of real audio,
 * wait for it (and its analysis), search, filter, sort, audition, tag in bulk, make a
 * collection, drive it from the keyboard, and visit the other views.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await openApp(page);
});

test.afterAll(async () => {
  await page.close();
});

test('an empty library explains how to start', async () => {
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await shot(page, '01-empty');
});

test('the player bar is one row at 1024, 1440 and 1920 px', async () => {
  const player = page.getByRole('region', { name: 'Player' });
  const sync = player.getByRole('group', { name: 'Sync to project' });
  const middle = async (name: 'Sync' | 'Metronome') => {
    const target =
      name === 'Sync'
        ? sync.getByLabel('Sync', { exact: true })
        : sync.getByRole('button', { name });
    const box = (await target.boundingBox())!;
    return box.y + box.height / 2;
  };
  const before = page.viewportSize()!;
  try {
    for (const width of [1024, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      // Same row: the Metronome button's middle is level with the Sync checkbox's.
      await expect
        .poll(async () => Math.abs((await middle('Metronome')) - (await middle('Sync'))), {
          message: `player bar at ${width} px`,
        })
        .toBeLessThan(8);
      const bar = (await sync.boundingBox())!;
      expect(bar.x + bar.width).toBeLessThanOrEqual(width);
      if (width === 1024) await shot(page, '01b-player-1024');
    }
  } finally {
    await page.setViewportSize(before);
  }
});

test('adds a folder by path and lists its samples', async () => {
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill(libraryPath());
  await field.press('Enter');
  await expect(page.locator('.import-line[data-phase="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.import-line[data-phase]')).toContainText('Imported Samples');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(50);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Samples');
  await expect(rows(page).first()).toBeVisible();
});

test('analysis fills in class, kind and loudness', async () => {
  test.setTimeout(180_000);
  // Analysis runs in the background; rows refresh as results land.
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: /^All samples/ }).click();
        return (await rows(page).locator('.cell--kind').allTextContents()).filter(Boolean).length;
      },
      { timeout: 90_000, intervals: [2000] },
    )
    .toBeGreaterThan(10);
  // Then the whole queue drains (the status line says so), so counts below are stable.
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle', {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: /^All samples/ }).click();
  // The class cell says where its class comes from: the file name ("808_Hat_Closed"), or
  // the sound, its tier and its probability ("kick: likely (87 % from the sound)").
  const titles = await rows(page)
    .locator('.cell--class[title]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''));
  expect(titles.some((t) => / from the file or folder name$/.test(t))).toBe(true);
  expect(
    titles.every((t) =>
      /( from the file or folder name|: (sure|likely|a guess) \(\d+ % from the sound\))$/.test(t),
    ),
  ).toBe(true);
  // A guessed class is drawn dimmed, and only a guess is.
  const guesses = await rows(page)
    .locator('.cell--guess')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''));
  expect(guesses.every((t) => t.includes(': a guess ('))).toBe(true);
  await shot(page, '02-browser');
});

test('finished import and analysis share one row, and can be dismissed', async () => {
  const status = page.getByRole('region', { name: 'Import progress' });
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle');
  const before = page.viewportSize()!;
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    const importLine = status.locator('.import-line[data-phase="done"]');
    const analysisLine = status.locator('.analysis-line');
    const top = async (l: typeof importLine) => (await l.boundingBox())!.y;
    expect(Math.abs((await top(importLine)) - (await top(analysisLine)))).toBeLessThan(4);
    await shot(page, '02c-finished-status-700');
    await status.getByRole('button', { name: 'Dismiss the finished status' }).click();
    await expect(status).toBeHidden();
  } finally {
    await page.setViewportSize(before);
  }
});

test('the first rows are on screen before the app has loaded; the app then takes them over', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const cold = await context.newPage();
  // Hold the app's code back: what shows meanwhile is drawn from the rows in the page.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await cold.route(/\/assets\/boot-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(cold);
  const firstScreen = cold.locator('[data-static-screen]');
  await expect(firstScreen.locator('[role="row"][data-id]').first()).toBeVisible();
  // Nothing in it answers yet: inert, and hidden from assistive technology.
  await expect(firstScreen).toHaveAttribute('inert', '');
  await expect(cold.getByRole('row')).toHaveCount(0);
  const drawn = await firstScreen.locator('.cell--name').allTextContents();
  expect(drawn.length).toBeGreaterThan(5);
  await shot(cold, '00-first-screen-before-app');
  release();
  await expect(firstScreen).toHaveCount(0);
  await expect(rows(cold).first()).toBeVisible();
  const live = await visibleNames(cold);
  const n = Math.min(live.length, drawn.length);
  expect(live.slice(0, n)).toEqual(drawn.slice(0, n));
  await context.close();
});

test('search narrows results as you type', async () => {
  const total = await resultCount(page);
  const search = page.getByLabel('Search samples');
  await search.pressSequentially('808', { delay: 30 });
  await expect.poll(() => resultCount(page)).toBeLessThan(total);
  const names = await visibleNames(page);
  expect(names.length).toBeGreaterThan(0);
  await search.fill('');
  await expect.poll(() => resultCount(page)).toBe(total);
});

test('describe a sound: shows what was understood and searches by description', async () => {
  const search = page.getByLabel('Search samples');
  await search.fill('punchy kick');
  const panel = page.getByRole('region', { name: 'Describe a sound' });
  await expect(
    panel.getByRole('list', { name: 'Understood' }).locator('[data-kind="class"]'),
  ).toHaveText('kick');
  await panel.getByRole('button', { name: 'Search by description' }).click();
  const results = panel.getByRole('list', { name: 'Description results' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  await shot(page, '02b-describe');
  await search.fill('');
  await expect(panel).toHaveCount(0);
});

test('filters by kind, BPM (with half/double) and class', async () => {
  const total = await resultCount(page);
  await page.locator('[data-filter="kind"]').click();
  await page.getByRole('radio', { name: 'Loops' }).click();
  await expect.poll(() => resultCount(page)).toBeLessThan(total);
  const kinds = await rows(page).locator('.cell--kind').allTextContents();
  expect(kinds.every((k) => k === 'loop')).toBe(true);
  const loops = await resultCount(page);

  await page.locator('[data-filter="bpm"]').click();
  await page.getByLabel('From BPM').fill('60');
  await page.getByLabel('To BPM').fill('200');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('[data-filter="bpm"]')).toContainText('60–200 BPM');
  const bpms = (await rows(page).locator('.cell--bpm').allTextContents())
    .filter(Boolean)
    .map(Number);
  for (const b of bpms) expect(b >= 30 && b <= 400).toBe(true);
  expect(await resultCount(page)).toBeLessThanOrEqual(loops);
  await shot(page, '03-filters');
  await page.getByRole('button', { name: 'Clear BPM filter' }).click();
  await page.getByRole('button', { name: 'Clear Kind filter' }).click();
  await expect.poll(() => resultCount(page)).toBe(total);

  await page.locator('[data-filter="classes"]').click();
  await page.getByRole('checkbox', { name: 'kick' }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => resultCount(page)).toBeLessThan(total);
  const classes = await rows(page).locator('.cell--class').allTextContents();
  expect(classes.every((c) => c === 'kick')).toBe(true);
  await page.getByRole('button', { name: 'Clear Class filter' }).click();
  await expect.poll(() => resultCount(page)).toBe(total);
});

test('sorts by clicking column headers', async () => {
  const nameHeader = page.getByRole('columnheader', { name: /Name/ });
  // Name order is the default: a click on the name header flips it.
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await visibleNames(page);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await visibleNames(page))[0]).not.toBe(ascending[0]);
  const initials = (await visibleNames(page)).map((n) => n[0]!.toLowerCase().charCodeAt(0));
  expect(initials.every((c, i) => i === 0 || c <= initials[i - 1]!)).toBe(true);

  const lengthHeader = page.getByRole('columnheader', { name: /Length/ });
  await lengthHeader.getByRole('button').click();
  await expect(lengthHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  const secs = (await rows(page).locator('.cell--duration').allTextContents())
    .map((t) => parseFloat(t))
    .filter((n) => Number.isFinite(n));
  const sorted = [...secs].sort((a, b) => a - b);
  expect(secs.join() === sorted.join() || secs.join() === sorted.reverse().join()).toBe(true);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
});

test('selecting a row plays it at once; arrows move and play; space stops', async () => {
  await page.getByLabel('Search samples').fill('tr808');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(3);
  // One-shots are short: loop so that "still playing" can be observed.
  const loop = page.getByRole('region', { name: 'Player' }).getByRole('button', { name: /Loop/ });
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await rows(page).nth(0).click();
  await expectAudioPlaying(page);
  await expect(page.getByRole('region', { name: 'Player' })).toContainText(
    (await visibleNames(page))[0]!,
  );
  const first = (await audioState(page)).src;
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => audioState(page).then((a) => a.src)).not.toBe(first);
  await expectAudioPlaying(page);
  await shot(page, '04-audition');
  await page.keyboard.press(' ');
  await expect.poll(() => audioState(page).then((a) => a.paused)).toBe(true);
  await page.keyboard.press(' ');
  await expectAudioPlaying(page);
  await page.keyboard.press(' ');
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'false');
});

test('tags several rows in bulk', async () => {
  await rows(page).nth(0).click();
  await rows(page)
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selected samples' })).toContainText('3 selected');
  await page.getByRole('button', { name: 'Tag…' }).click();
  const dialog = page.getByRole('dialog', { name: /Tags for 3 samples/ });
  await dialog.getByLabel('Add tags').fill('e2e punchy, favourite808');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.locator('.tag-list')).toContainText('e2e punchy');
  await shot(page, '05-tags');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(rows(page).nth(0).locator('.cell--tags')).toContainText('e2e punchy');
  await expect(rows(page).nth(2).locator('.cell--tags')).toContainText('favourite808');
  await page.getByLabel('Search samples').fill('');
  await page.locator('[data-filter="tags"]').click();
  await page.getByRole('checkbox', { name: /favourite808/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => resultCount(page)).toBe(3);
  await page.getByRole('button', { name: 'Clear Tags filter' }).click();
});

test('makes a collection and drags rows onto it', async () => {
  await page.getByLabel('Search samples').fill('tr808');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(3);
  await rows(page).nth(0).click();
  await rows(page)
    .nth(1)
    .click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: '+ New collection' }).click();
  await page.getByLabel('New collection name').fill('808 picks');
  await page.getByLabel('New collection name').press('Enter');
  const item = page.locator('[data-collection="808 picks"]');
  await expect(item).toContainText('2');
  await rows(page).nth(3).click();
  await rows(page).nth(3).dragTo(item);
  await expect(item).toContainText('3');
  await item.click();
  await expect.poll(() => resultCount(page)).toBe(3);
  await shot(page, '06-collection');
  await page.getByRole('button', { name: /^All samples/ }).click();
  await page.getByLabel('Search samples').fill('');
});

test('works from the keyboard alone', async () => {
  // Start from the list (the previous test left the search box focused, where '/' is text).
  await page.locator('[data-list="samples"]').focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search samples')).toBeFocused();
  await page.keyboard.type('kick');
  await expect(page.getByLabel('Search samples')).toHaveValue('kick');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(1);
  // (The count above may still be the previous list's: ↓ acts on the rows of "kick".)
  await expect(page.getByRole('grid', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-list="samples"]')).toBeFocused();
  await page.keyboard.press('l'); // loop, so that the short one-shot is still sounding when checked
  await expect(
    page.getByRole('region', { name: 'Player' }).getByRole('button', { name: /Loop/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expectAudioPlaying(page);
  await page.keyboard.press('4');
  await expect(rows(page).nth(1).getByRole('radio', { name: '4 stars' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('f');
  await expect(rows(page).nth(1).locator('.fav')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect.poll(() => audioState(page).then((a) => a.paused)).toBe(true);
  await page.keyboard.press('l');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toBeVisible();
  await page.getByLabel('Search samples').fill('');
});

test('duplicates and settings views', async () => {
  await page.getByRole('button', { name: 'Duplicate groups' }).click();
  // Either groups (exact copies across kits, or near duplicates) or the empty state, and no error.
  await expect(
    page
      .getByRole('region', { name: 'Duplicates' })
      .or(page.getByRole('heading', { name: 'No duplicates' })),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  const groups = page.locator('.dup-group');
  if ((await groups.count()) > 0) await expect(groups.first().locator('.badge')).toHaveText('keep');
  await shot(page, '07-duplicates');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(libraryPath());
  // AI providers: every provider listed, keys never shown (web mode reads them from the environment).
  const providers = page.getByRole('table').filter({ hasText: 'Provider' }).first();
  await expect(providers).toContainText('Ollama');
  await expect(providers).toContainText(/OpenAI/);
  await expect(page.getByLabel('AI spend')).toContainText('This month');
  await shot(page, '08-settings');
  await page.getByRole('button', { name: /^All samples/ }).click();
});

test('similar sounds and the map, when the backend has them', async () => {
  const mapLink = page.getByRole('button', { name: 'Similarity map' });
  test.skip(
    (await mapLink.count()) === 0 &&
      (await page.getByRole('button', { name: 'Similar sounds' }).count()) === 0,
    'similarity handlers not in this build',
  );
  await rows(page).nth(0).click();
  const similar = page.getByRole('button', { name: 'Similar sounds' });
  if (await similar.count()) {
    await similar.click();
    const panel = page.getByRole('complementary', { name: 'Similar sounds' });
    await expect(panel.locator('.similar-item').first()).toBeVisible({ timeout: 20_000 });
    const loop = page.getByRole('region', { name: 'Player' }).getByRole('button', { name: /Loop/ });
    await loop.click();
    await panel.locator('.similar-item').first().click();
    await expectAudioPlaying(page);
    await loop.click();
    await shot(page, '09-similar');
  }
  if (await mapLink.count()) {
    await mapLink.click();
    await expect(page.getByRole('img', { name: 'Similarity map of samples' })).toBeVisible({
      timeout: 20_000,
    });
    await shot(page, '10-map');
  }
});
