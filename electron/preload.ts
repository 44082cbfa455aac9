/**
 * The sandboxed preload: exposes exactly one object, window.samplemind, satisfying
 * SampleMindBridge. Requests go over one IPC channel to the shared dispatch; events
 * arrive on one channel and are fanned out here; drags and dropped-file paths are
 * the only other things it can do.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EventName, Events, SampleMindBridge } from '../shared/contract';
import type { Result } from '../shared/result';
import { IPC_CHANNELS } from './app/appOrigin';
import type { EventMessage } from './app/ipcGuard';

type Listener = (payload: Events[EventName]) => void;
const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(IPC_CHANNELS.event, (_event, message: EventMessage) => {
  for (const listener of listeners.get(message.event) ?? []) {
    try {
      listener(message.payload);
    } catch (error) {
      console.error('samplemind event listener failed', error);
    }
  }
});

const bridge: SampleMindBridge = {
  kind: 'electron',
  invoke(name, input) {
    return ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input) as Promise<Result<never>>;
  },
  on(event, listener) {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    const l = listener as Listener;
    set.add(l);
    return () => {
      set.delete(l);
    };
  },
  getPathForFile(file) {
    return webUtils.getPathForFile(file as File);
  },
  startDrag(sampleIds) {
    ipcRenderer.send(IPC_CHANNELS.drag, sampleIds);
  },
};

contextBridge.exposeInMainWorld('samplemind', bridge);
