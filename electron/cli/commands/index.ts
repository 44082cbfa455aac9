import type { CliCommand } from '../command';
import { aiCommand } from './aiCommand';
import { analyzeCommand } from './analyzeCommand';
import { chatCommand } from './chatCommand';
import { collectionsCommand } from './collectionsCommand';
import { duplicatesCommand } from './duplicatesCommand';
import { errorsCommand } from './errorsCommand';
import { foldersCommand } from './foldersCommand';
import { importCommand } from './importCommand';
import { searchCommand } from './searchCommand';
import { similarCommand } from './similarCommand';
import { statsCommand } from './statsCommand';
import { tagCommand } from './tagCommand';

/** Every `samplemind <command>`, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  searchCommand,
  analyzeCommand,
  statsCommand,
  duplicatesCommand,
  similarCommand,
  tagCommand,
  collectionsCommand,
  foldersCommand,
  errorsCommand,
  chatCommand,
  aiCommand,
];
