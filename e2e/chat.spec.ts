import { expect, test } from '@playwright/test';
import { openApp, shot } from './helpers';

/** The assistant with no AI provider configured says so, and says how to fix it. */
test('the chat panel explains that no AI provider is set up and how to fix it', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Assistant' }).click();
  const panel = page.getByRole('complementary', { name: 'Assistant' });
  const ask = panel.getByLabel('Ask the assistant');
  await expect(ask).toBeVisible();
  await ask.fill('find me a punchy kick');
  await ask.press('Enter');
  const alert = panel.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(/provider/i);
  await expect(alert).toContainText(/Ollama/);
  await expect(alert).toContainText(/key/i);
  await expect(alert).not.toContainText('let SampleMind start it');
  // No status bar without a status line in it (never an empty one holding only the dismiss
  // button, as on an empty library); other specs share this server's library.
  await expect(page.locator('.import-status:not(:has(.import-line, .import-errors))')).toBeHidden();
  await shot(page, '09-chat-no-provider');
});

test('with no provider the assistant shows a setup card, not example prompts', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Assistant' }).click();
  const panel = page.getByRole('complementary', { name: 'Assistant' });
  const card = panel.getByRole('region', { name: 'Set up the assistant' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Ollama is not installed');
  await expect(card).toContainText('ollama serve');
  await expect(card).toContainText('No cloud provider has a key');
  await expect(panel).not.toContainText('Ask about your library');
  await shot(page, '09b-chat-setup-card');
  await card.getByRole('button', { name: 'Open AI settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
