import type { LibraryChanged } from '../../../shared/contract';

type Reason = LibraryChanged['reason'];

/** What one refresh has to catch up on: the reasons seen, and which rows changed. */
export interface RefreshPlan {
  reasons: ReadonlySet<Reason>;
  /**
   * Samples whose rows changed (analysis, ratings, tags), or null when an event of those
   * reasons did not say which (then every loaded row is read again).
   */
  changedIds: ReadonlySet<number> | null;
}

/** Reasons that change which rows the list holds (a new search), not only row values. */
export const LISTING_REASONS: readonly Reason[] = ['import', 'watch', 'folders', 'purge'];
const ROW_REASONS: readonly Reason[] = ['analysis', 'ratings', 'tags'];

export interface RefreshTiming {
  /** Wait after the first event of a burst, so the burst becomes one refresh (ms). */
  settleMs: number;
  /** Least time between two refreshes while events keep coming (ms). */
  minGapMs: number;
}

/** During an import or analysis the library sends several events a second: at most one refresh a second. */
export const DEFAULT_REFRESH_TIMING: RefreshTiming = { settleMs: 250, minGapMs: 1000 };

/**
 * Coalesces 'library.changed' events into refreshes: the first one `settleMs` after an event,
 * then at most one per `minGapMs` while events keep arriving (a steady stream never starves
 * it, as a plain debounce would).
 */
export class RefreshScheduler {
  private reasons = new Set<Reason>();
  private changedIds: Set<number> | null = new Set();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: (plan: RefreshPlan) => void,
    private readonly timing: RefreshTiming = DEFAULT_REFRESH_TIMING,
    private readonly now: () => number = Date.now,
  ) {}

  add(change: LibraryChanged): void {
    this.reasons.add(change.reason);
    if (ROW_REASONS.includes(change.reason)) {
      if (!change.sampleIds) this.changedIds = null;
      else if (this.changedIds) for (const id of change.sampleIds) this.changedIds.add(id);
    }
    if (this.timer !== null) return;
    const wait = Math.max(this.timing.settleMs, this.lastRun + this.timing.minGapMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    this.lastRun = this.now();
    const plan: RefreshPlan = { reasons: this.reasons, changedIds: this.changedIds };
    this.reasons = new Set();
    this.changedIds = new Set();
    this.run(plan);
  }
}

/** The loaded rows a refresh re-reads: those that changed, or all of them when unknown. */
export function rowsToRefresh(
  loadedIds: readonly number[],
  changedIds: ReadonlySet<number> | null,
): number[] {
  if (changedIds === null) return [...loadedIds];
  return loadedIds.filter((id) => changedIds.has(id));
}
