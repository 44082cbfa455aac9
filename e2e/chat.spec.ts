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
  await shot(page, '09-chat-no-provider');
});
