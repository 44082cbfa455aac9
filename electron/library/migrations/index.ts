import type { Migration } from './types';
import { initialSchema } from './001-initial';
import { analysisStorage } from './002-analysis';
import { aiLedger } from './003-ai';
import { chatStorage } from './004-chat';

/** Every schema step, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  analysisStorage,
  aiLedger,
  chatStorage,
];

export type { Migration } from './types';
