import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../core/appOrigin';
import { lockNavigation } from './windowSecurity';

/**
 * The one window: an isolated, sandboxed renderer with no Node, loaded from app://.
 * The preload script exposes window.samplemind and nothing else.
 */
export async function createMainWindow(
  preloadPath: string,
  iconPath: string,
): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'SampleMind',
    icon: iconPath,
    backgroundColor: '#16181d',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  return win;
}
