import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeAudioLibrary, NO_AI_PROVIDER_ENV, startServer, stopServer, tempRoot } from './server';

/** Starts one real server for the suite; the specs read where from the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = tempRoot('samplemind-e2e-');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const library = makeAudioLibrary(root);
  const server = await startServer(dataDir, [], NO_AI_PROVIDER_ENV);
  process.env.SM_E2E_URL = server.url;
  process.env.SM_E2E_SESSION = server.session;
  process.env.SM_E2E_LIBRARY = library;
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync(
    join(root, 'server.json'),
    JSON.stringify({ url: server.url, session: server.session, library }),
  );
  return async () => {
    await stopServer(server, 300);
    rmSync(root, { recursive: true, force: true });
  };
}
