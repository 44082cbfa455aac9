import type { EventName, Events } from '../../shared/contract';

type Listener<E extends EventName> = (payload: Events[E]) => void;
type AnyListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Typed events from the backend; IPC and the WebSocket server forward them with onAny. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly anyListeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
    for (const l of this.anyListeners) l(event, payload);
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const l = listener as Listener<EventName>;
    set.add(l);
    return () => set.delete(l);
  }

  onAny(listener: AnyListener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}
