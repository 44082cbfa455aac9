/**
 * The sandboxed preload: exposes exactly one object, window.samplemind, satisfying
 * SampleMindBridge. Requests go over one IPC channel to the shared dispatch; events
 * arrive on one channel and are fanned out here; drags and dropped-file paths are
 * the only other things it can do. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { SampleMindBridge } from '../shared/contract';
import type { Result } from '../shared/result';
import { IPC_CHANNELS } from './core/appOrigin';
import { createEventFanout } from './app/eventFanout';
import type { EventMessage } from './app/ipcGuard';

const events = createEventFanout();
ipcRenderer.on(IPC_CHANNELS.event, (_event, message: EventMessage) => events.deliver(message));

const bridge: SampleMindBridge = {
  kind: 'electron',
  invoke(name, input, options) {
    // The main process answers with the dispatch's Result for this handler.
    return ipcRenderer.invoke(
      IPC_CHANNELS.invoke,
      name,
      input,
      options?.background === true,
    ) as Promise<Result<never>>;
  },
  on(event, listener) {
    return events.on(event, listener);
  },
  getPathForFile(file) {
    return webUtils.getPathForFile(file as File);
  },
  startDrag(sampleIds) {
    ipcRenderer.send(IPC_CHANNELS.drag, sampleIds);
  },
};

contextBridge.exposeInMainWorld('samplemind', bridge);
