import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../library/backend';
import type { CliIO } from './output';

export interface CliContext {
  io: CliIO;
  json: boolean;
  /**
   * Opens (once) the library named by --db / --data-dir / the environment. A database that
   * does not exist is created only by commands marked `createsLibrary`, with `create`, or
   * where its folder exists.
   */
  openApp(options?: { create?: boolean }): Backend;
  /** Set when the user pressed Ctrl-C: long commands stop cleanly. */
  signal: AbortSignal;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionsConfig;
  /** May create a new library database (only import does; others refuse a path that does not exist). */
  createsLibrary?: boolean;
  /** Returns the exit code. */
  run(
    ctx: CliContext,
    values: Record<string, string | boolean | string[] | boolean[] | undefined>,
    positionals: string[],
  ): Promise<number>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
