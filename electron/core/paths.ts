import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'SampleMind';

/**
 * Where the library lives. The same folder Electron uses for `userData`, so the
 * desktop app, web mode and the CLI share one library:
 * Linux `$XDG_CONFIG_HOME/SampleMind` (~/.config/SampleMind), macOS
 * `~/Library/Application Support/SampleMind`, Windows `%APPDATA%\SampleMind`.
 * `SAMPLEMIND_DATA_DIR` overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.SAMPLEMIND_DATA_DIR) return env.SAMPLEMIND_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/** The library database: `--db` beats `SAMPLEMIND_DB` beats `<data dir>/library.db`. */
export function defaultDbPath(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  explicit?: string,
): string {
  return explicit ?? env.SAMPLEMIND_DB ?? join(dataDir, 'library.db');
}

/** The key store every mode shares (see secretFile.ts). */
export function secretFilePath(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}
