import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './createApp';
import { headlessHost } from './headlessHost';
import { defaultDataDir, defaultDbPath } from '../core/paths';
import { firstPageBlock } from '../server/firstPage';
import { startWebServer } from '../server/webServer';

/** `npm run web`: the whole app, headless, served to a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const dbPath = defaultDbPath(dataDir, process.env, values.db);
  const staticDir = [
    new URL('../renderer', import.meta.url),
    new URL('../../dist/renderer', import.meta.url),
  ]
    .map((u) => fileURLToPath(u))
    .find((p) => existsSync(`${p}/index.html`));
  if (!staticDir) {
    console.error('The renderer is not built: run `npm run build` first.');
    process.exit(1);
  }
  const app = createApp({ dataDir, dbPath, host: headlessHost('web') });
  const server = await startWebServer({
    app,
    staticDir,
    port: values.port ? Number(values.port) : 0,
    ...(values.token ? { token: values.token } : {}),
  });
  console.log(`SampleMind web mode — library: ${dbPath}`);
  console.log(`Open: ${server.loginUrl}`);
  // Pages can load at once; searches answer from the in-memory index once this prints.
  void app
    .start()
    // One opening search warms the search path, so the first page load is as quick as the next.
    .then(() => firstPageBlock(app.dispatch))
    .then(() => console.log('Ready: library index loaded'))
    .catch((error: unknown) => console.error('start-up failed:', error));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
