import type { Migration } from './types';
import { initialSchema } from './001-initial';

/** Every schema step, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];

export type { Migration } from './types';
