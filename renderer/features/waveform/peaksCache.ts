import { decodePeaks, type Peaks } from '../../../shared/peaksCodec';
import { Lru } from '../../lib/lru';

export type PeaksFetchResult =
  { type: 'peaks'; bytes: Uint8Array } | { type: 'none' } | { type: 'unsupported' };

export type PeaksState = Peaks | 'none';

export interface PeaksCacheOptions {
  fetch: (id: number) => Promise<PeaksFetchResult>;
  concurrency?: number;
  /** Bytes of decoded peaks to keep. */
  budget?: number;
}

/**
 * Precomputed waveform peaks for the rows on screen: fetched a few at a time (starting
 * after the requesting task ends), newest requests first (what is on screen now beats what scrolled past), remembered in an
 * LRU, and "none" remembered too so a sample without peaks is asked for once. When
 * the server has no peaks route at all, nothing more is requested.
 */
export class PeaksCache {
  private readonly cache: Lru<number, PeaksState>;
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();
  private readonly listeners = new Map<number, Set<() => void>>();
  private active = 0;
  private unsupported = false;
  private scheduled = false;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly concurrency: number;

  constructor(private readonly options: PeaksCacheOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.cache = new Lru(options.budget ?? 32 * 1024 * 1024);
  }

  /** Peaks, "none", or undefined while unknown. */
  get(id: number): PeaksState | undefined {
    return this.cache.get(id);
  }

  get routeMissing(): boolean {
    return this.unsupported;
  }

  /** Asks for a sample's peaks (no-op when known or already asked for). */
  request(id: number): void {
    if (this.unsupported || this.cache.has(id) || this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push(id);
    this.schedulePump();
  }

  /**
   * Starts fetching after the current task, so that every row a render asks for is
   * queued first and the newest (what is on screen now) goes first.
   */
  private schedulePump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /**
   * Starts no fetch until `ms` after the last call (the list is scrolling: rows fly past,
   * and only those on screen once it settles are worth fetching). Requests still queue.
   */
  hold(ms: number): void {
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      this.pump();
    }, ms);
  }

  get held(): boolean {
    return this.holdTimer !== undefined;
  }

  /** Forgets requests not started yet (the rows scrolled away). */
  cancelPending(keep: ReadonlySet<number> = new Set()): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const id = this.queue[i]!;
      if (!keep.has(id)) {
        this.queue.splice(i, 1);
        this.queued.delete(id);
      }
    }
  }

  /** Calls `listener` when the peaks of `id` arrive (or turn out not to exist). */
  subscribe(id: number, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Samples re-analysed: ask again next time. */
  invalidate(ids: readonly number[]): void {
    for (const id of ids) {
      this.cache.delete(id);
      this.notify(id);
    }
  }

  get pending(): number {
    return this.queue.length + this.active;
  }

  private pump(): void {
    if (this.held) return;
    while (this.active < this.concurrency && this.queue.length > 0 && !this.unsupported) {
      // Latest first: the rows the user looks at now.
      const id = this.queue.pop()!;
      this.active++;
      void this.load(id).finally(() => {
        this.active--;
        this.queued.delete(id);
        this.pump();
      });
    }
  }

  private async load(id: number): Promise<void> {
    let state: PeaksState = 'none';
    try {
      const res = await this.options.fetch(id);
      if (res.type === 'unsupported') {
        this.unsupported = true;
        this.queue.length = 0;
        this.queued.clear();
      } else if (res.type === 'peaks') {
        state = decodePeaks(res.bytes);
      }
    } catch {
      state = 'none';
    }
    this.cache.set(id, state, state === 'none' ? 16 : costOf(state));
    this.notify(id);
  }

  private notify(id: number): void {
    for (const l of this.listeners.get(id) ?? []) l();
  }
}

function costOf(p: Peaks): number {
  return p.levels.reduce((n, l) => n + l.buckets * 2 * p.channels, 64);
}
