/**
 * The Electron main process: a thin shell. Security defaults, the window, the
 * app:// and sample:// protocols and IPC are wired here from electron/platform;
 * the backend is the same createApp() the web server and the CLI use.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyStoreFromSecrets } from './app/aiKeyStore';
import { createApp, type App } from './app/createApp';
import { desktopHost } from './app/desktopHost';
import { desktopPaths } from './app/desktopPaths';
import { APP_NAME, defaultDataDir, defaultDbPath } from './core/paths';
import { readPeaks } from './library/analysis/peaksStore';
import { sampleFile } from './media/sampleFile';
import { connectIpc } from './platform/ipc';
import { createMainWindow } from './platform/mainWindow';
import { focusedOrFirstWindow, nativeActions } from './platform/nativeActions';
import { handleProtocols, registerSchemes } from './platform/protocols';
import { safeStorageSecretStore } from './platform/secretStore';
import { lockPermissions } from './platform/windowSecurity';

const log = (message: string, error?: unknown): void =>
  console.error(`[samplemind] ${message}`, error ?? '');

registerSchemes();
app.setName(APP_NAME);
app.enableSandbox();

const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
const paths = desktopPaths({
  mainDir: dirname(fileURLToPath(import.meta.url)),
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
});

let backend: App | null = null;
let window: BrowserWindow | null = null;
let disconnect: (() => void) | null = null;
let closed = false;

function requireBackend(): App {
  if (!backend) throw new Error('the library is not open yet');
  return backend;
}

async function openWindow(): Promise<void> {
  const win = await createMainWindow(paths.preload, paths.appIcon);
  window = win;
  win.on('closed', () => {
    if (window === win) window = null;
  });
}

async function start(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  lockPermissions(session.defaultSession);
  // AI provider keys: encrypted with safeStorage (warns on Linux basic_text).
  const keys = keyStoreFromSecrets(safeStorageSecretStore(dataDir, (m) => log(m)));
  const host = desktopHost(nativeActions(focusedOrFirstWindow), requireBackend, keys);
  const opened = createApp({
    dataDir,
    dbPath: defaultDbPath(dataDir),
    host: { ...host, resourcesDir: paths.resourcesDir },
    log,
  });
  backend = opened;
  handleProtocols(session.defaultSession, paths.rendererRoot, {
    file: (id) => sampleFile(opened.db, id),
    peaks: (id) => readPeaks(opened.db, id),
  });
  disconnect = connectIpc(opened, () => window, paths.dragIcon);
  await openWindow();
  await opened.start();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!window && backend)
      void openWindow().catch((error: unknown) => log('cannot open the window', error));
  });

  // Close the library (finish writes, stop watchers and workers) before the process exits.
  app.on('will-quit', (event) => {
    if (closed || !backend) return;
    event.preventDefault();
    const closing = backend;
    disconnect?.();
    void closing
      .close()
      .catch((error: unknown) => log('closing the library failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('start-up failed', error);
      dialog.showErrorBox(
        'SampleMind could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nLibrary folder: ${dataDir}`,
      );
      app.exit(1);
    });
}
