/**
 * What the router has learned about each provider: smoothed time to first token (EWMA),
 * a circuit breaker (closed → open after repeated failures → half-open probe after a
 * cooldown that doubles each time the probe fails) and a Retry-After window.
 */
import type { AiBreakerState } from '../../shared/contract/ai';
import type { ProviderError } from './errors';
import type { AiProviderId } from './types';

export interface HealthOptions {
  /** Consecutive failures that open the breaker (default 3). */
  failuresToOpen?: number;
  /** First cooldown (default 30 s); doubles per failed probe up to maxCooldownMs. */
  cooldownMs?: number;
  maxCooldownMs?: number;
  /** EWMA weight of the newest sample (default 0.3). */
  alpha?: number;
  /** A failed health check keeps the provider out this long (default 60 s). */
  unhealthyForMs?: number;
  now?: () => number;
}

interface State {
  ewmaMs: number | null;
  failures: number;
  openUntil: number;
  cooldownMs: number;
  breaker: AiBreakerState;
  probing: boolean;
  rateLimitedUntil: number;
  healthy: boolean | null;
  checkedAt: number;
  lastError: string | null;
}

export class HealthBook {
  private readonly states = new Map<AiProviderId, State>();
  private readonly failuresToOpen: number;
  private readonly baseCooldownMs: number;
  private readonly maxCooldownMs: number;
  private readonly alpha: number;
  private readonly unhealthyForMs: number;
  private readonly now: () => number;

  constructor(options: HealthOptions = {}) {
    this.failuresToOpen = options.failuresToOpen ?? 3;
    this.baseCooldownMs = options.cooldownMs ?? 30_000;
    this.maxCooldownMs = options.maxCooldownMs ?? 300_000;
    this.alpha = options.alpha ?? 0.3;
    this.unhealthyForMs = options.unhealthyForMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  private state(id: AiProviderId): State {
    let s = this.states.get(id);
    if (!s) {
      s = {
        ewmaMs: null,
        failures: 0,
        openUntil: 0,
        cooldownMs: this.baseCooldownMs,
        breaker: 'closed',
        probing: false,
        rateLimitedUntil: 0,
        healthy: null,
        checkedAt: 0,
        lastError: null,
      };
      this.states.set(id, s);
    }
    return s;
  }

  breaker(id: AiProviderId): AiBreakerState {
    const s = this.state(id);
    if (s.breaker === 'open' && this.now() >= s.openUntil) s.breaker = 'half-open';
    return s.breaker;
  }

  /** Why the provider cannot take a request now (null: it can). */
  blocked(id: AiProviderId): string | null {
    const s = this.state(id);
    const breaker = this.breaker(id);
    if (breaker === 'open') return `cooling down after ${s.failures} failures`;
    if (breaker === 'half-open' && s.probing) return 'a probe request is in flight';
    if (this.now() < s.rateLimitedUntil) return 'rate limited (Retry-After)';
    if (s.healthy === false && this.now() - s.checkedAt < this.unhealthyForMs) {
      return `unhealthy: ${s.lastError ?? 'health check failed'}`;
    }
    return null;
  }

  /** Marks the start of a call; a half-open provider takes one probe at a time. */
  begin(id: AiProviderId): void {
    if (this.breaker(id) === 'half-open') this.state(id).probing = true;
  }

  success(id: AiProviderId, firstTokenMs: number | null): void {
    const s = this.state(id);
    if (firstTokenMs !== null) {
      s.ewmaMs =
        s.ewmaMs === null ? firstTokenMs : s.ewmaMs + this.alpha * (firstTokenMs - s.ewmaMs);
    }
    s.failures = 0;
    s.breaker = 'closed';
    s.probing = false;
    s.cooldownMs = this.baseCooldownMs;
    s.healthy = true;
    s.lastError = null;
  }

  failure(id: AiProviderId, error: ProviderError, message: string): void {
    const s = this.state(id);
    s.lastError = message;
    if (error.kind === 'cancelled') {
      s.probing = false;
      return;
    }
    if (error.kind === 'rate_limit') {
      s.rateLimitedUntil = this.now() + (error.retryAfterMs ?? 5_000);
      s.probing = false;
      return;
    }
    s.failures++;
    const wasProbe = s.breaker === 'half-open';
    s.probing = false;
    if (wasProbe || s.failures >= this.failuresToOpen) {
      if (wasProbe) s.cooldownMs = Math.min(this.maxCooldownMs, s.cooldownMs * 2);
      s.breaker = 'open';
      s.openUntil = this.now() + s.cooldownMs;
    }
  }

  /** Result of a health check (list models / version). */
  setHealthy(id: AiProviderId, healthy: boolean, error: string | null = null): void {
    const s = this.state(id);
    s.healthy = healthy;
    s.checkedAt = this.now();
    if (error !== null) s.lastError = error;
  }

  healthy(id: AiProviderId): boolean | null {
    return this.state(id).healthy;
  }

  latencyMs(id: AiProviderId): number | null {
    return this.state(id).ewmaMs;
  }

  rateLimitedUntil(id: AiProviderId): number | null {
    const until = this.state(id).rateLimitedUntil;
    return until > this.now() ? until : null;
  }

  lastError(id: AiProviderId): string | null {
    return this.state(id).lastError;
  }
}
