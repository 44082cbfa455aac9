import type { EventName, Events } from '../../shared/contract';
import type { EventMessage } from './ipcGuard';

type Listener<E extends EventName> = (payload: Events[E]) => void;

export interface EventFanout {
  /** Delivers one message from the event channel to the listeners of its event. */
  deliver(message: EventMessage): void;
  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
}

/**
 * The preload's side of the event channel: one IPC listener, many page listeners.
 * A listener that throws is reported and does not stop the others; unsubscribing
 * twice is harmless.
 */
export function createEventFanout(
  report: (error: unknown) => void = (error) =>
    console.error('samplemind event listener failed', error),
): EventFanout {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    deliver(message) {
      if (typeof message !== 'object' || message === null) return;
      const set = listeners.get(message.event);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(message.payload);
        } catch (error) {
          report(error);
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const l = listener as Listener<EventName>;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  };
}
