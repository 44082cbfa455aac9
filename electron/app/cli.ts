import { runCli, type RunOptions } from '../cli/runCli';
import { createApp } from './createApp';
import { headlessHost } from './headlessHost';

/** The `samplemind` command line over the whole app: runCli with the backend wired here. */
export function runAppCli(
  argv: string[],
  options: Omit<RunOptions, 'openBackend'>,
): Promise<number> {
  return runCli(argv, {
    ...options,
    openBackend: ({ dataDir, dbPath, env, log }) =>
      createApp({ dataDir, dbPath, host: headlessHost('cli'), memoryIndex: false, env, log }),
  });
}
