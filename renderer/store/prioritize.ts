import type { AnalysisStatus } from '../../shared/contract';

/**
 * Decides which selected samples to move to the front of the analysis queue: only those not
 * analysed yet, each at most once per `windowMs` (arrowing back and forth does not resend).
 */
export class AnalysisPrioritizer {
  private readonly sentAt = new Map<number, number>();

  constructor(private readonly windowMs = 10_000) {}

  /** True (and remembered) when `id` should be prioritised now. */
  shouldPrioritize(id: number, status: AnalysisStatus, now: number): boolean {
    if (status !== 'pending') return false;
    const last = this.sentAt.get(id);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.sentAt.set(id, now);
    if (this.sentAt.size > 1000) {
      for (const [k, t] of this.sentAt) if (now - t >= this.windowMs) this.sentAt.delete(k);
    }
    return true;
  }
}
