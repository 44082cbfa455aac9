import { ipcMain, nativeImage, type BrowserWindow, type WebFrameMain } from 'electron';
import { IPC_CHANNELS, isAppUrl } from '../core/appOrigin';
import type { App } from '../app/createApp';
import { dragFilesFor } from '../app/dragFiles';
import {
  guardedInvoke,
  isTrustedSender,
  type EventMessage,
  type SenderFrame,
} from '../app/ipcGuard';

function senderOf(frame: WebFrameMain | null): SenderFrame | null {
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/**
 * Wires the window to the backend: one request channel (the shared dispatch, sender
 * checked), one event channel (every backend event forwarded), and the drag-out
 * channel (sample ids → library files → webContents.startDrag). Returns a disposer.
 */
export function connectIpc(
  app: App,
  window: () => BrowserWindow | null,
  dragIconPath: string,
): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event, name: unknown, input: unknown, background: unknown) =>
    guardedInvoke(app.dispatch, senderOf(event.senderFrame), name, input, background === true),
  );
  const dragIcon = nativeImage.createFromPath(dragIconPath);
  const onDrag = (event: Electron.IpcMainEvent, ids: unknown) => {
    if (!isTrustedSender(senderOf(event.senderFrame))) return;
    const drag = dragFilesFor(app.db, ids);
    if (!drag.ok) return;
    const [file] = drag.files;
    if (file === undefined) return;
    event.sender.startDrag({ file, files: drag.files, icon: dragIcon });
  };
  ipcMain.on(IPC_CHANNELS.drag, onDrag);
  const stopEvents = app.events.onAny((name, payload) => {
    const contents = window()?.webContents;
    // Library events (paths, names) go to the app page only.
    if (!contents || contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    const message: EventMessage = { event: name, payload };
    contents.send(IPC_CHANNELS.event, message);
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.invoke);
    ipcMain.removeListener(IPC_CHANNELS.drag, onDrag);
    stopEvents();
  };
}
