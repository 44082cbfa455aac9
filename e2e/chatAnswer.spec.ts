import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { invokeOk, watchStreaming } from './chatPage';
import {
  ANSWER_TEXT,
  CHAT_TAG,
  COLLECTION_NAME,
  FAKE_GROQ_KEY,
  GROQ_MODEL,
  OLLAMA_MODEL,
  QUESTIONS,
  startScriptedModels,
  turnOf,
  writePriceTable,
  type ScriptedModels,
} from './chatModel';
import { expectAudioPlaying, shot } from './helpers';
import {
  makeAudioLibrary,
  openApp,
  startServer,
  stopServer,
  tempRoot,
  type RunningServer,
} from './server';

/**
 * The assistant answering for real in web mode: a second real server whose AI router
 * talks to a scripted fake Ollama (and a fake Groq as the cloud fallback) over their real
 * protocols, over a real library of Debian audio. One session, in order.
 */
test.describe.configure({ mode: 'serial' });

let root: string;
let models: ScriptedModels;
let server: RunningServer;
let page: Page;
let library: string;

const panel = () => page.getByRole('complementary', { name: 'Assistant' });

async function ask(question: string): Promise<void> {
  const box = panel().getByLabel('Ask the assistant');
  await box.fill(question);
  await box.press('Enter');
  await expect(panel().locator('.chat-msg--user').last()).toHaveText(question);
}

/** The newest answer on screen (streamed or stored). */
const lastAnswer = (): Locator => panel().locator('.chat-msg--assistant').last();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  root = tempRoot('samplemind-e2e-chat-');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  library = makeAudioLibrary(root);
  models = await startScriptedModels();
  writePriceTable(dataDir, models.groq.url);
  server = await startServer(dataDir, [], {
    GROQ_API_KEY: FAKE_GROQ_KEY,
    DEEPSEEK_API_KEY: '',
    GEMINI_API_KEY: '',
    OPENAI_API_KEY: '',
    ANTHROPIC_API_KEY: '',
  });
  page = await browser.newPage();
  await openApp(page, server);
  // The Ollama to use is a setting (Settings has no field for it): set it as the UI would.
  await invokeOk(page, 'ai.setProviderSettings', { ollama: { host: models.ollama.url } });
  const field = page.getByRole('region', { name: 'Get started' }).getByLabel('Folder path');
  await field.fill(library);
  await field.press('Enter');
  await expect(page.locator('.import-line[data-phase="done"]')).toBeVisible({ timeout: 30_000 });
  // Analysis too (a few seconds for this library), so rows carry their class and length.
  await expect(page.locator('.analysis-line')).toHaveAttribute('data-state', 'idle', {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Assistant' }).click();
  await expect(panel().getByLabel('Ask the assistant')).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  if (server) await stopServer(server);
  await models?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('answers with a library search: tool step, streamed text, playable rows, who answered and the cost', async () => {
  const streamed = await watchStreaming(page);
  await ask(QUESTIONS.answer);
  // The tool step is shown as it runs, then with what it found.
  await expect(
    panel()
      .getByText(/Searching the library/)
      .first(),
  ).toBeVisible();
  // Then the whole answer, and the rows the search returned.
  await expect(lastAnswer()).toContainText(ANSWER_TEXT);
  await expect(panel().getByText(/✓ Searching the library — \d+ samples/)).toBeVisible();
  // It streamed: the answer grew on screen a piece at a time while the turn was busy.
  const seen = await streamed();
  expect(seen.length).toBeGreaterThan(5);
  expect(seen.every((t) => ANSWER_TEXT.startsWith(t))).toBe(true);
  expect(seen[0]!.length).toBeLessThan(ANSWER_TEXT.length / 2);
  const rows = lastAnswer().getByRole('list', { name: 'Samples' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const names = await rows.locator('.chat-sample-name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  // Kicks by name ("808_Kick_Long.flac") or by the class analysis gave them.
  expect((await rows.allTextContents()).every((t) => /kick/i.test(t))).toBe(true);
  // Who answered and what it cost: local Ollama, free.
  await expect(lastAnswer().locator('.chat-meta')).toHaveText(`ollama · ${OLLAMA_MODEL} · free`);
  await expect(panel().getByLabel('Provider and cost')).toContainText(`ollama · ${OLLAMA_MODEL}`);
  await expect(panel().getByLabel('Provider and cost')).toContainText('conversation free');
  // The model asked for the search with the tools it was offered, and got the rows back.
  const sent = models.ollama.server.requests.filter((r) => r.path === '/api/chat');
  expect(sent.length).toBeGreaterThanOrEqual(2);
  expect(turnOf(sent.at(-1)!).results[0]?.tool).toBe('search_samples');
  await shot(page, '11-chat-answer');

  // Click a row: it is auditioned through the app's one player (looped, so it is still
  // sounding when checked).
  const loop = page.getByRole('region', { name: 'Player' }).getByRole('button', { name: /Loop/ });
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await rows
    .first()
    .getByRole('button', { name: `Play ${names[0]}` })
    .click();
  await expectAudioPlaying(page);
  await expect(rows.first().getByRole('button', { name: `Stop ${names[0]}` })).toBeVisible();
  await rows
    .first()
    .getByRole('button', { name: `Stop ${names[0]}` })
    .click();
  await loop.click();
});

test('proposes a collection and tags, applies them only once the user confirms', async () => {
  await ask(QUESTIONS.write);
  const cards = panel().getByRole('group', { name: 'Proposed change' });
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(`Create collection '${COLLECTION_NAME}' with`);
  await expect(cards.nth(1)).toContainText(`Add tag '${CHAT_TAG}' to`);
  await expect(lastAnswer()).toContainText('Confirm them below');
  // Nothing has changed yet.
  const before = await invokeOk<Array<{ name: string }>>(page, 'collections.list', {});
  expect(before.map((c) => c.name)).not.toContain(COLLECTION_NAME);
  await shot(page, '12-chat-confirm');

  for (const i of [0, 1]) {
    await cards.nth(i).getByRole('button', { name: 'Confirm' }).click();
    await expect(cards.nth(i)).toContainText('Done');
  }
  // The collection is in the sidebar with its samples, and the tag is on them.
  const item = page.locator(`[data-collection="${COLLECTION_NAME}"]`);
  await expect(item).toBeVisible();
  const collections = await invokeOk<Array<{ name: string; sampleCount: number }>>(
    page,
    'collections.list',
    {},
  );
  const made = collections.find((c) => c.name === COLLECTION_NAME);
  expect(made?.sampleCount).toBeGreaterThan(0);
  await expect(item).toContainText(String(made!.sampleCount));
  const tagged = await invokeOk<{ items: Array<{ name: string; tags: string[] }> }>(
    page,
    'library.search',
    { filters: { tags: [CHAT_TAG] }, limit: 50 },
  );
  expect(tagged.items.length).toBe(made!.sampleCount);
  expect(tagged.items.every((s) => /snare/i.test(s.name) && s.tags.includes(CHAT_TAG))).toBe(true);
  await shot(page, '12b-chat-confirmed');
});

test('falls back to the cloud provider when the local model fails, and says who answered', async () => {
  await ask(QUESTIONS.fallback);
  await expect(lastAnswer()).toContainText('You have closed, open and pedal hats', {
    timeout: 20_000,
  });
  // Who answered is the model the fake Groq was asked for, with what it cost (not free).
  const asked = models.groq.chatRequests().at(-1)?.model;
  expect(asked).toBe(GROQ_MODEL);
  await expect(lastAnswer().locator('.chat-meta')).toContainText(`groq · ${GROQ_MODEL} · $`);
  await expect(panel().getByLabel('Provider and cost')).toContainText(`groq · ${GROQ_MODEL}`);
  await expect(panel().getByLabel('Provider and cost')).toContainText(/conversation \$\d/);
  expect(models.groq.server.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
  await shot(page, '13-chat-fallback');
});

test('says clearly when every provider fails', async () => {
  await ask(QUESTIONS.error);
  const alert = panel().getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  // Said as a sentence with the fix, not as the provider's raw JSON.
  await expect(alert).toContainText(
    /The assistant could not get an answer: (ollama, )?groq failed/,
  );
  await expect(alert).toContainText('Try again in a moment, or pick another provider');
  await expect(alert).not.toContainText('{"error"');
  await shot(page, '14-chat-error');
  // The panel is usable again.
  await expect(panel().getByRole('button', { name: 'Send' })).toBeVisible();
});
