import type { Migration } from './types';
import { initialSchema } from './001-initial';
import { analysisStorage } from './002-analysis';
import { aiLedger } from './003-ai';
import { chatStorage } from './004-chat';
import { classSource } from './005-class-source';
import { queueClaims } from './006-queue-claims';
import { classTier } from './007-class-tier';
import { headerFacts } from './008-header-facts';
import { sameAudio } from './009-same-audio';

/** Every schema step, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  analysisStorage,
  aiLedger,
  chatStorage,
  classSource,
  queueClaims,
  classTier,
  headerFacts,
  sameAudio,
];

export type { Migration } from './types';
