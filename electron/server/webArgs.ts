import { parseArgs } from 'node:util';
import { suggestion } from '../../shared/suggest';

export interface WebArgs {
  port: number;
  db?: string;
  dataDir?: string;
  token?: string;
}

/** A command-line mistake: one line for the user, exit code 2. */
export interface WebArgsError {
  error: string;
}

const OPTIONS = {
  port: { type: 'string' },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAMES = ['--port', '--db', '--data-dir', '--token'];

export const WEB_USAGE =
  'usage: npm run web -- [--port <n>] [--db <file>] [--data-dir <dir>]   (or: node dist/electron/server.js …)';

/**
 * `npm run web --port 18080` (no `--`): npm keeps `--port` as its own config, so the script
 * sees only `npm_config_port` in its environment and a stray "18080". Say what to type.
 */
function npmSwallowed(env: NodeJS.ProcessEnv, args: readonly string[]): string | null {
  // Only under `npm run web`: other npm scripts (the E2E suite under `npm test`) pass flags right.
  if (env.npm_lifecycle_event !== 'web') return null;
  for (const name of Object.keys(OPTIONS)) {
    const value = env[`npm_config_${name.replace('-', '_')}`];
    if (value === undefined) continue;
    const shown = value === 'true' ? (args.find((a) => !a.startsWith('-')) ?? '…') : value;
    return `npm took --${name} for itself: put the options after \`--\`, as in \`npm run web -- --${name} ${shown}\``;
  }
  return null;
}

/** Reads web mode's flags; every mistake becomes one line (no stack trace). */
export function parseWebArgs(
  args: string[],
  env: NodeJS.ProcessEnv,
): WebArgs | WebArgsError | 'help' {
  const swallowed = npmSwallowed(env, args);
  if (swallowed) return { error: swallowed };
  let values: { port?: string; db?: string; 'data-dir'?: string; token?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1];
    if (/Unknown option/.test(message))
      return {
        error: `unknown option ${flag ?? ''}${suggestion(flag ?? '', NAMES)}; web mode takes ${NAMES.join(', ')}`,
      };
    if (/Unexpected argument/.test(message))
      return { error: `unexpected argument "${flag ?? ''}" (options start with --)` };
    return { error: message.split('. ')[0]! };
  }
  if (values.help) return 'help';
  let port = 0;
  if (values.port !== undefined) {
    port = /^\d+$/.test(values.port) ? Number(values.port) : NaN;
    if (!(port >= 0 && port <= 65535))
      return {
        error: `--port takes a port number (1-65535, or 0 for any free port), not "${values.port}"`,
      };
  }
  return {
    port,
    ...(values.db !== undefined ? { db: values.db } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
  };
}

/** One line for a server that could not start listening. */
export function listenFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE')
    return `port ${port} is in use (another SampleMind or another server?): choose another with --port, or leave --port out for a free one`;
  if (code === 'EACCES')
    return `port ${port} needs more privileges: choose one above 1023, or leave --port out`;
  return `cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
}
