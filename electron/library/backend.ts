import type { AppInfo } from '../../shared/contract';
import type { AnalysisRunner } from './analysis/analysisRunner';
import type { Dispatch } from '../core/dispatch';
import type { EventBus } from '../core/eventBus';
import type { Handlers } from '../core/handlerTypes';
import type { Db } from './db';
import type { Library } from './library';

/**
 * The whole backend once the composition root (electron/app/createApp.ts) has wired it:
 * what the web server, the CLI and the desktop shell are handed. Declared here, below
 * them, so that none of them imports the composition root.
 */
export interface Backend {
  db: Db;
  events: EventBus;
  library: Library;
  /** Background analysis (started by start() unless turned off). */
  analysis: AnalysisRunner;
  handlers: Handlers;
  dispatch: Dispatch;
  info: AppInfo;
  /** Loads indexes and resumes interrupted work; resolves when the app is ready to search. */
  start(): Promise<void>;
  close(): Promise<void>;
}
