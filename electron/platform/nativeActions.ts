import { BrowserWindow, dialog, shell } from 'electron';
import type { DesktopPlatform } from '../app/desktopHost';

/** The desktop host's native actions: the folder dialog and the file manager / trash. */
export function nativeActions(window: () => BrowserWindow | null): DesktopPlatform {
  return {
    async pickFolder(title) {
      const options = {
        title: title ?? 'Add a folder of samples',
        properties: ['openDirectory' as const],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
    trashItem: (path) => shell.trashItem(path),
  };
}

export function focusedOrFirstWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}
