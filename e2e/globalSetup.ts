import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeAudioLibrary, startServer, stopServer, tempRoot } from './server';

/** Starts one real server for the suite; the specs read where from the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = tempRoot('samplemind-e2e-');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const library = makeAudioLibrary(root);
  // No AI provider: no keys from this shell, and no Ollama where the server looks for one.
  const server = await startServer(dataDir, [], {
    OLLAMA_HOST: 'http://127.0.0.1:9',
    GROQ_API_KEY: '',
    DEEPSEEK_API_KEY: '',
    GEMINI_API_KEY: '',
    OPENAI_API_KEY: '',
    ANTHROPIC_API_KEY: '',
  });
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
