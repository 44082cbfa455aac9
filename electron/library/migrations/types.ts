import type { Db } from '../db';

/** One schema step. Migrations run in order, each exactly once, tracked by PRAGMA user_version. */
export interface Migration {
  /** 1-based, contiguous: migration N brings the schema to user_version N. */
  version: number;
  name: string;
  up(db: Db): void;
}
