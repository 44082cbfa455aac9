import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { defaultDataDir, defaultDbPath } from '../core/paths';
import { appVersion } from '../core/version';
import type { Backend } from '../library/backend';
import { UsageError, type CliCommand } from './command';
import { COMMANDS } from './commands/index';
import type { CliIO } from './output';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    `SampleMind ${appVersion()} — your sample library from the command line\n\n` +
    'usage: samplemind <command> [options]\n\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n\nevery command takes --json (machine-readable output), --db <file> (library database)\n' +
    'and --data-dir <dir>; `samplemind <command> --help` shows its options.\n'
  );
}

/** Where the library lives and how to report a background failure: what the CLI opens. */
export interface BackendPlace {
  dataDir: string;
  dbPath: string;
  log: (message: string, error?: unknown) => void;
}

export interface RunOptions {
  io: CliIO;
  /** Opens the backend (the composition root, electron/app/cli.ts, passes createApp). */
  openBackend: (place: BackendPlace) => Backend;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  commands?: readonly CliCommand[];
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed, 2 usage, 130 interrupted). */
export async function runCli(argv: string[], options: RunOptions): Promise<number> {
  const { io } = options;
  const commands = options.commands ?? COMMANDS;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help(commands));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`samplemind: unknown command "${name}"\n\n${help(commands)}`);
    return 2;
  }
  let app: Backend | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
      return 0;
    }
    const env = options.env ?? process.env;
    const dataDir =
      typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(env);
    const dbPath = defaultDbPath(
      dataDir,
      env,
      typeof values.db === 'string' ? values.db : undefined,
    );
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort());
    return await command.run(
      {
        io,
        json: values.json === true,
        signal: controller.signal,
        openApp: () =>
          (app ??= options.openBackend({
            dataDir,
            dbPath,
            log: (m, e) => io.stderr(`${m}: ${String(e)}\n`),
          })),
      },
      values,
      positionals,
    );
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`samplemind ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`samplemind ${name}: ${error.message} [${error.code}]\n`);
      return 1;
    }
    io.stderr(`samplemind ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (app) await (app as Backend).close();
  }
}
