/**
 * A calm ETA for background work: the rate is the work done over a sliding window of the
 * last half minute (so bursts and stalls do not swing it), the ETA appears only once a few
 * seconds of progress were seen, and the shown value counts down by itself and moves only
 * when the estimate differs from it by more than a tenth, or after a while. Pure (time is given).
 */
export class EtaSmoother {
  private samples: Array<{ done: number; at: number }> = [];
  private shown: { eta: number; at: number } | null = null;

  constructor(
    /** Width of the window the rate is measured over (ms). */
    private readonly windowMs = 30_000,
    /** Progress seen before any ETA is shown (ms). */
    private readonly warmupMs = 4_000,
  ) {}

  /** `done`: items finished so far (grows); `remaining`: items left now. Returns seconds or null. */
  update(done: number, remaining: number, nowMs: number): number | null {
    const lastDone = this.samples[this.samples.length - 1]?.done;
    if (remaining <= 0 || (lastDone !== undefined && done < lastDone)) {
      this.reset();
      if (remaining <= 0) return null;
    }
    this.samples.push({ done, at: nowMs });
    while (this.samples.length > 2 && nowMs - this.samples[1]!.at >= this.windowMs)
      this.samples.shift();
    const first = this.samples[0]!;
    const span = nowMs - first.at;
    if (span < this.warmupMs || done <= first.done) return this.countdown(nowMs);
    const eta = remaining / (((done - first.done) * 1000) / span);
    const now = this.countdown(nowMs);
    if (
      now === null ||
      Math.abs(eta - now) > 0.1 * Math.max(eta, 10) ||
      nowMs - this.shown!.at > 15_000
    ) {
      this.shown = { eta, at: nowMs };
      return eta;
    }
    return now;
  }

  /** The shown ETA, counted down since it was set (null when none). */
  private countdown(nowMs: number): number | null {
    return this.shown ? Math.max(0, this.shown.eta - (nowMs - this.shown.at) / 1000) : null;
  }

  reset(): void {
    this.samples = [];
    this.shown = null;
  }
}
