/**
 * Where the Ollama executable is: the one packaging put under
 * resources/ollama/<platform>/ (platform as Node names it, e.g. linux-x64), else
 * `ollama` on PATH. Null when there is none.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function ollamaExecutableName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'ollama.exe' : 'ollama';
}

export function findOllamaBinary(options: {
  resourcesDir?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
}): { path: string; source: 'bundled' | 'path' } | null {
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const exe = ollamaExecutableName(platform);
  if (options.resourcesDir) {
    for (const dir of [`${platform}-${arch}`, platform]) {
      const file = join(options.resourcesDir, 'ollama', dir, exe);
      if (isExecutable(file)) return { path: file, source: 'bundled' };
    }
  }
  const env = options.env ?? process.env;
  const pathVar = env.PATH ?? env.Path ?? '';
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, exe);
    if (isExecutable(file)) return { path: file, source: 'path' };
  }
  return null;
}
