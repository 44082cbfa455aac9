import type { AppContract, AppInfo, AppMode, PlatformCapabilities } from '../../shared/contract';
import { nameHints } from '../../shared/nameHints';
import { createAnalysisHandlers } from '../library/analysis/handlers';
import { AnalysisRunner } from '../library/analysis/analysisRunner';
import { openDatabase } from '../library/db';
import { createLibraryHandlers } from '../library/handlers';
import type { AiService } from '../ai/aiService';
import { aiServiceFor, createAiHandlers, existingAiService } from '../ai/handlers';
import type { KeyStore } from '../ai/keys';
import { createSimilarHandlers } from '../library/similar/handlers';
import { createChatHandlers } from '../ai/chat/chatHandlers';
import type { Backend } from '../library/backend';
import { Library } from '../library/library';
import { probeFile } from '../library/probe/probe';
import { createDispatch } from '../core/dispatch';
import { EventBus } from '../core/eventBus';
import type { HandlerMap, Handlers } from '../core/handlerTypes';
import { APP_NAME, secretFilePath } from '../core/paths';
import { appVersion } from '../core/version';
import { keyStoreFromSecrets } from './aiKeyStore';
import { fileSecretStore } from './secretFile';
import { isUserRequest } from './userRequest';

/** What the host (Electron, the web server, the CLI) provides: its own platform actions. */
export interface Host {
  mode: AppMode;
  capabilities: PlatformCapabilities;
  handlers: HandlerMap<Omit<AppContract, 'app.info'>>;
  /**
   * Where AI keys live. Default: the store every mode shares (environment variables, then
   * `<data dir>/secrets.json`, unencrypted in plain Node); the desktop app passes the same
   * store with Electron safeStorage encrypting what it saves.
   */
  keys?: KeyStore;
  /** Packaged resources (bundled Ollama binary); default: none. */
  resourcesDir?: string;
}

export interface AppOptions {
  dataDir: string;
  dbPath: string;
  host: Host;
  /** Keep the in-memory search index (default true). */
  memoryIndex?: boolean;
  /** Watch library folders (default: yes except in the CLI). */
  watch?: boolean;
  /** Read files for imports on a worker thread (default true; file databases only). */
  workerImport?: boolean;
  /** Analyse the library in the background (default: yes except in the CLI); `workers` sizes the pool. */
  analysis?: boolean | { workers?: number };
  log?: (message: string, error?: unknown) => void;
  /** Environment variables for keys (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** The wired backend (library/backend.ts says what each part is). */
export type App = Backend;

/** Opens the library and wires every domain's handlers into one map: the whole backend. */
export function createApp(options: AppOptions): App {
  const log =
    options.log ?? ((message, error) => console.error(`[samplemind] ${message}`, error ?? ''));
  const db = openDatabase(options.dbPath);
  const events = new EventBus();
  const library = new Library({
    db,
    emit: (event, payload) => events.emit(event, payload),
    probe: probeFile,
    hints: nameHints,
    memoryIndex: options.memoryIndex ?? true,
    watch: options.watch ?? options.host.mode !== 'cli',
    workerImport: options.workerImport ?? true,
  });
  const analysisOption = options.analysis ?? options.host.mode !== 'cli';
  const analysis = new AnalysisRunner({
    db,
    ...(typeof analysisOption === 'object' && analysisOption.workers !== undefined
      ? { workers: analysisOption.workers }
      : {}),
    onSamplesAnalysed: (ids) => library.samplesAnalysed(ids),
    onProgress: (progress) => events.emit('analysis.progress', progress),
  });
  events.on('library.changed', ({ reason }) => {
    if (reason === 'import' || reason === 'watch') analysis.wake();
  });
  const info: AppInfo = {
    name: APP_NAME,
    version: appVersion(),
    mode: options.host.mode,
    dataDir: options.dataDir,
    dbPath: options.dbPath,
    platform: process.platform,
    capabilities: options.host.capabilities,
  };
  // One AI service per library (router, ledger, Ollama supervisor), made on first use.
  const ai = (): AiService =>
    aiServiceFor({
      db,
      dataDir: options.dataDir,
      reuseOllamaOnly: options.host.mode === 'cli',
      emit: (e, p) => events.emit(e, p as never),
      keys:
        options.host.keys ??
        keyStoreFromSecrets(
          fileSecretStore({
            path: secretFilePath(options.dataDir),
            cipher: null,
            env: options.env ?? process.env,
          }),
        ),
      ...(options.host.resourcesDir ? { resourcesDir: options.host.resourcesDir } : {}),
    });
  const handlers: Handlers = {
    'app.info': () => info,
    ...options.host.handlers,
    ...createLibraryHandlers(library),
    ...createAiHandlers(ai),
    ...createSimilarHandlers(library, events),
    ...createAnalysisHandlers(analysis),
    ...createChatHandlers({
      db,
      emit: (e, p) => events.emit(e, p),
      handlers: () => handlers,
      // The same AiService (one per database) as the ai.* handlers above.
      router: () => ai().router,
    }),
  };
  let closed = false;
  const dispatch = createDispatch(handlers, log);
  return {
    db,
    events,
    library,
    analysis,
    handlers,
    // A request from the UI (other than analysis status polls, and refreshes the page sends by
    // itself after library events) means the user is browsing: the analysis pool gives a core
    // back for a few seconds.
    dispatch: (name, input, ctx) => {
      if (isUserRequest(name, ctx)) analysis.userActive();
      return dispatch(name, input, ctx);
    },
    info,
    async start() {
      await library.start();
      if (analysisOption !== false && !closed) analysis.start();
    },
    async close() {
      if (closed) return;
      closed = true;
      await analysis.stop();
      // Stops an Ollama the supervisor started (never one that was already running).
      await existingAiService(db)?.close();
      await library.close();
      // Keeps the query planner's statistics current (cheap; SQLite decides what to analyse).
      db.pragma('optimize');
      db.close();
    },
  };
}
