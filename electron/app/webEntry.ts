import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './createApp';
import { headlessHost } from './headlessHost';
import { defaultDataDir, defaultDbPath } from '../core/paths';
import { firstPageBlock } from '../server/firstPage';
import { listenFailure, parseWebArgs, WEB_USAGE } from '../server/webArgs';
import { startWebServer } from '../server/webServer';

function fail(message: string, code: number): never {
  console.error(`samplemind web: ${message}`);
  process.exit(code);
}

/** `npm run web`: the whole app, headless, served to a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const values = parseWebArgs(process.argv.slice(2), process.env);
  if (values === 'help') {
    console.log(WEB_USAGE);
    return;
  }
  if ('error' in values) fail(values.error, 2);
  const dataDir = values.dataDir ?? defaultDataDir();
  const dbPath = defaultDbPath(dataDir, process.env, values.db);
  const staticDir = [
    new URL('../renderer', import.meta.url),
    new URL('../../dist/renderer', import.meta.url),
  ]
    .map((u) => fileURLToPath(u))
    .find((p) => existsSync(`${p}/index.html`));
  if (!staticDir) fail('the renderer is not built: run `npm run build` first', 1);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ dataDir, dbPath, host: headlessHost('web') });
  } catch (error) {
    fail(
      `cannot open the library ${dbPath}: ${error instanceof Error ? error.message : String(error)}`,
      1,
    );
  }
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({
      app,
      staticDir,
      port: values.port,
      ...(values.token ? { token: values.token } : {}),
    });
  } catch (error) {
    await app.close();
    fail(listenFailure(error, values.port), 1);
  }
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
