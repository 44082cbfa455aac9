import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../createApp';
import { headlessHost } from '../headlessHost';

/** A whole app on a temporary library (real SQLite, real files), for integration tests. */
export function createTestApp(
  options: { mode?: 'web' | 'cli'; memoryIndex?: boolean; watch?: boolean } = {},
): App & { dir: string; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'sm-app-'));
  const app = createApp({
    dataDir: dir,
    dbPath: join(dir, 'library.db'),
    host: headlessHost(options.mode ?? 'web'),
    memoryIndex: options.memoryIndex ?? true,
    watch: options.watch ?? false,
    log: () => {},
    env: {},
  });
  return Object.assign(app, {
    dir,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
