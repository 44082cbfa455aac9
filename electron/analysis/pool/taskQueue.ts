export interface QueuedTask<T> {
  id: string;
  priority: number;
  seq: number;
  payload: T;
}

/** Pending tasks ordered by priority (high first), then submission order. */
export class TaskQueue<T> {
  private items: QueuedTask<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(id: string, priority: number, payload: T): void {
    const item = { id, priority, seq: this.seq++, payload };
    // Binary search for the insertion point keeps the array sorted.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid] as QueuedTask<T>;
      if (m.priority > priority || (m.priority === priority && m.seq < item.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  shift(): QueuedTask<T> | undefined {
    return this.items.shift();
  }

  remove(id: string): QueuedTask<T> | undefined {
    const i = this.items.findIndex((t) => t.id === id);
    if (i < 0) return undefined;
    return this.items.splice(i, 1)[0];
  }

  has(id: string): boolean {
    return this.items.some((t) => t.id === id);
  }

  /** Moves a task ahead of everything queued now. Returns false when it is not queued. */
  promote(id: string): boolean {
    const t = this.remove(id);
    if (!t) return false;
    const top = this.items[0]?.priority ?? t.priority;
    this.items.unshift({ ...t, priority: Math.max(t.priority, top + 1) });
    return true;
  }

  drain(): QueuedTask<T>[] {
    const all = this.items;
    this.items = [];
    return all;
  }
}
