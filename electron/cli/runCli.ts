import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { defaultDataDir, defaultDbPath } from '../core/paths';
import { appVersion } from '../core/version';
import type { Backend } from '../library/backend';
import { UsageError, type CliCommand, type OptionsConfig } from './command';
import { COMMANDS } from './commands/index';
import { escapeControls, escapeProgress } from './escape';
import type { CliIO } from './output';
import { suggestion } from '../../shared/suggest';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

const MAIN_USAGE = 'usage: samplemind <command> [options]   (samplemind --help lists the commands)';

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    `SampleMind ${appVersion()} — your sample library from the command line\n\n` +
    'usage: samplemind <command> [options]\n\n' +
    commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n\nevery command takes --json (machine-readable output; errors too, on stderr),\n' +
    '--db <file> (library database; env SAMPLEMIND_DB) and --data-dir <dir> (env SAMPLEMIND_DATA_DIR).\n' +
    '`samplemind help <command>` shows its options; `samplemind --version` the version.\n' +
    'exit codes: 0 ok, 1 failed, 2 usage error, 130 interrupted.\n'
  );
}

function commandHelp(command: CliCommand): string {
  return (
    `${command.summary}\n\nusage: ${command.usage}\n\n` +
    'also: --json, --db <file>, --data-dir <dir>, --help\n'
  );
}

/** Where the library lives and how to report a background failure: what the CLI opens. */
export interface BackendPlace {
  dataDir: string;
  dbPath: string;
  /** Environment variables the backend reads (AI keys). */
  env: NodeJS.ProcessEnv;
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

interface Failure {
  code: string;
  message: string;
  exit: 1 | 2;
  usage?: string;
}

/** Turns whatever a command threw into one line, a code and an exit status. */
function failureOf(error: unknown, command: CliCommand): Failure {
  if (error instanceof UsageError)
    return { code: 'USAGE', message: error.message, exit: 2, usage: command.usage };
  if (error instanceof TypeError && 'code' in error) {
    const code = String(error.code);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(error.message)?.[1] ?? '';
      const names = Object.keys({ ...GLOBAL_OPTIONS, ...command.options }).map((n) => `--${n}`);
      return {
        code: 'USAGE',
        message: `unknown option ${flag}${suggestion(flag, names)}`,
        exit: 2,
        usage: command.usage,
      };
    }
    if (code.startsWith('ERR_PARSE_ARGS'))
      return {
        code: 'USAGE',
        message: error.message.split('. ')[0]!,
        exit: 2,
        usage: command.usage,
      };
  }
  if (error instanceof AppError) {
    // Input the contract refused came from the command line: a usage error.
    if (error.code === 'BAD_INPUT')
      return {
        code: 'USAGE',
        message: error.message.replace(/^[a-z]+\.[A-Za-z.]+: /, ''),
        exit: 2,
        usage: command.usage,
      };
    return { code: error.code, message: error.message, exit: 1 };
  }
  return {
    code: 'FAILED',
    message: error instanceof Error ? error.message : String(error),
    exit: 1,
  };
}

function report(io: CliIO, json: boolean, where: string, f: Failure): number {
  if (json) {
    io.stderr(
      `${JSON.stringify({ error: { code: f.code, message: f.message, ...(f.usage ? { usage: f.usage } : {}) } })}\n`,
    );
  } else {
    const tag = f.exit === 1 && f.code !== 'FAILED' ? ` [${f.code}]` : '';
    io.stderr(
      `${where}: ${escapeControls(f.message)}${tag}\n${f.usage ? `usage: ${f.usage}\n` : ''}`,
    );
  }
  return f.exit;
}

/**
 * Refuses to make a new library where nobody asked for one: a database that does not exist
 * is created only by commands that add to the library (import) or where its folder exists.
 */
function checkLibraryPath(dbPath: string, creates: boolean): void {
  if (existsSync(dbPath)) return;
  const folder = dirname(resolve(dbPath));
  if (creates) {
    mkdirSync(folder, { recursive: true });
    return;
  }
  if (!existsSync(folder))
    throw new AppError(
      'NOT_FOUND',
      `no library at ${dbPath} (the folder ${folder} does not exist): check --db, or start one with \`samplemind import <folder>\``,
    );
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed, 2 usage, 130 interrupted). */
export async function runCli(argv: string[], options: RunOptions): Promise<number> {
  const raw = options.io;
  const commands = options.commands ?? COMMANDS;
  const names = commands.map((c) => c.name);
  const end = argv.indexOf('--');
  const json = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
  // Human output shows control characters in file names as escapes; JSON is left as is.
  const io: CliIO = json
    ? raw
    : {
        ...raw,
        stdout: (t) => raw.stdout(escapeControls(t)),
        stderr: (t) => raw.stderr(escapeProgress(t)),
      };
  const [first, ...afterFirst] = argv;
  let name = first;
  let rest = afterFirst;
  if (name === undefined) {
    raw.stdout(help(commands));
    return 2;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    raw.stdout(json ? `${JSON.stringify({ version: appVersion() })}\n` : `${appVersion()}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
    if (!topic) {
      raw.stdout(help(commands));
      return 0;
    }
    name = topic;
    rest = ['--help'];
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    return report(io, json, 'samplemind', {
      code: 'USAGE',
      message: `unknown command "${name}"${suggestion(name, names)}`,
      exit: 2,
      usage: MAIN_USAGE.slice('usage: '.length),
    });
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
      raw.stdout(commandHelp(command));
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
        json,
        signal: controller.signal,
        openApp: (open) => {
          if (!app) {
            checkLibraryPath(dbPath, command.createsLibrary === true || open?.create === true);
            app = options.openBackend({
              dataDir,
              dbPath,
              env,
              log: (m, e) => io.stderr(`${m}: ${String(e)}\n`),
            });
          }
          return app;
        },
      },
      values,
      positionals,
    );
  } catch (error) {
    return report(io, json, `samplemind ${command.name}`, failureOf(error, command));
  } finally {
    if (app) await (app as Backend).close();
  }
}
