/** Completions per second over a sliding window, for progress and ETA. */
export class RateMeter {
  private stamps: number[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  tick(): void {
    const t = this.now();
    this.stamps.push(t);
    this.trim(t);
  }

  perSecond(): number {
    const t = this.now();
    this.trim(t);
    const n = this.stamps.length;
    if (n < 2) return n === 1 ? 1000 / Math.max(this.windowMs, 1) : 0;
    const span = Math.max(t - (this.stamps[0] as number), 1);
    return (n * 1000) / span;
  }

  /** Seconds for `remaining` more at the current rate (null when the rate is unknown). */
  eta(remaining: number): number | null {
    if (remaining === 0) return 0;
    const r = this.perSecond();
    return r > 0 ? remaining / r : null;
  }

  private trim(t: number): void {
    while (this.stamps.length > 0 && t - (this.stamps[0] as number) > this.windowMs)
      this.stamps.shift();
  }
}
