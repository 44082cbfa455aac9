/**
 * Keeps a local Ollama available: reuses one that is already running (the configured
 * host, or the default port), else starts the bundled binary (or `ollama` on PATH) on a
 * free loopback port with its models folder in the app's data folder, waits until it
 * answers, restarts it with back-off when it dies, pulls missing models with progress,
 * and stops it on quit — also when the process exits without calling stop(), so that no
 * orphan is left behind. It never binds a port someone else holds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ollama } from 'ollama';
import type { OllamaPullProgress, OllamaState, OllamaStatus } from '../../../shared/contract/ai';
import { AppError } from '../../../shared/result';
import { redactSecrets } from '../redact';
import { ollamaHostFromEnv } from './envHost';
import { findOllamaBinary } from './findBinary';
import { freeLoopbackPort } from './freePort';
import { ollamaModelKey } from '../providers/ollamaProvider';

export interface SupervisorOptions {
  dataDir: string;
  /** Folder that holds ollama/<platform>/ollama (packaged resources). */
  resourcesDir?: string | null;
  /** A host the user configured (used as is, never started). */
  host?: string | null;
  /**
   * Where an Ollama the user started themselves listens (default: `OLLAMA_HOST` from
   * `env`, as Ollama itself reads it, else http://127.0.0.1:11434).
   */
  defaultHost?: string;
  /** Start one when none is running (default true). */
  manage?: boolean;
  chatModel: string;
  embedModel: string;
  /** Pull the chat and embedding models when missing (default true). */
  autoPull?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Time to wait for a started server to answer (default 30 s). */
  startTimeoutMs?: number;
  /** Restart back-off: base × 2^n up to max (defaults 1 s, 30 s); give up after maxRestarts (default 5). */
  restartBaseMs?: number;
  restartMaxMs?: number;
  maxRestarts?: number;
  /** Health check of a running server (default 15 s; 0 = off). */
  healthIntervalMs?: number;
  onStatus?: (status: OllamaStatus) => void;
  onProgress?: (progress: OllamaPullProgress) => void;
  log?: (message: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function normaliseHost(host: string): string {
  const withScheme = host.includes('://') ? host : `http://${host}`;
  return withScheme.replace(/\/+$/, '');
}

/** The server's version, or null when nothing (or not Ollama) answers there. */
export async function probeOllama(host: string, timeoutMs = 1_500): Promise<string | null> {
  try {
    const res = await fetch(`${normaliseHost(host)}/api/version`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : null;
  } catch {
    return null;
  }
}

export class OllamaSupervisor {
  private state: OllamaState = 'stopped';
  private hostUrl: string | null = null;
  private managed = false;
  private child: ChildProcess | null = null;
  private binary: string | null = null;
  private version: string | null = null;
  private models: string[] = [];
  private restarts = 0;
  private lastError: string | null = null;
  private stopping = false;
  private healthTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');
  private starting: Promise<OllamaStatus> | null = null;

  constructor(private readonly o: SupervisorOptions) {}

  host(): string | null {
    return this.state === 'running' || this.state === 'external' ? this.hostUrl : null;
  }

  status(): OllamaStatus {
    const installed = new Set(this.models.map(ollamaModelKey));
    return {
      state: this.state,
      host: this.hostUrl,
      managed: this.managed,
      pid: this.child?.pid ?? null,
      version: this.version,
      binary: this.binary,
      models: [...this.models],
      chatModel: this.o.chatModel,
      embedModel: this.o.embedModel,
      chatModelInstalled: installed.has(ollamaModelKey(this.o.chatModel)),
      restarts: this.restarts,
      lastError: this.lastError,
    };
  }

  private set(state: OllamaState, error?: string): void {
    this.state = state;
    if (error !== undefined) this.lastError = redactSecrets(error);
    this.o.onStatus?.(this.status());
  }

  /** Finds or starts Ollama; resolves with the status (never throws). */
  start(): Promise<OllamaStatus> {
    this.starting ??= this.doStart().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async doStart(): Promise<OllamaStatus> {
    this.stopping = false;
    const candidates = this.o.host
      ? [this.o.host]
      : [
          this.o.defaultHost ??
            ollamaHostFromEnv((this.o.env ?? process.env).OLLAMA_HOST) ??
            'http://127.0.0.1:11434',
        ];
    for (const h of candidates) {
      const version = await probeOllama(h);
      if (version !== null) {
        this.hostUrl = normaliseHost(h);
        this.version = version;
        this.managed = false;
        await this.refreshModels();
        this.set('external');
        this.watchHealth();
        await this.autoPull();
        return this.status();
      }
    }
    if (this.o.host) {
      this.set('unavailable', `no Ollama answers at ${this.o.host}`);
      return this.status();
    }
    if (this.o.manage === false) {
      this.set('unavailable', 'no Ollama is running and starting one is turned off');
      return this.status();
    }
    const found = findOllamaBinary({ resourcesDir: this.o.resourcesDir, env: this.o.env });
    if (!found) {
      this.set('unavailable', 'Ollama is not installed (no bundled binary, none on PATH)');
      return this.status();
    }
    this.binary = found.path;
    await this.spawnServer();
    if (this.state === 'running') await this.autoPull();
    return this.status();
  }

  private async spawnServer(): Promise<void> {
    this.set(this.restarts > 0 ? 'restarting' : 'starting');
    const port = await freeLoopbackPort();
    const host = `127.0.0.1:${port}`;
    const modelsDir = join(this.o.dataDir, 'ollama', 'models');
    mkdirSync(modelsDir, { recursive: true });
    const child = spawn(this.binary!, ['serve'], {
      env: { ...(this.o.env ?? process.env), OLLAMA_HOST: host, OLLAMA_MODELS: modelsDir },
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    this.managed = true;
    this.hostUrl = `http://${host}`;
    process.once('exit', this.killOnExit);
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2_000);
    });
    let exited = false;
    child.once('error', (error) => {
      exited = true;
      this.lastError = error.message;
    });
    child.once('exit', (code, signal) => {
      exited = true;
      process.removeListener('exit', this.killOnExit);
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      this.onCrash(
        `Ollama exited (${signal ?? `code ${code}`})${stderrTail ? `: ${stderrTail.trim().split('\n').at(-1)}` : ''}`,
      );
    });
    const deadline = Date.now() + (this.o.startTimeoutMs ?? 30_000);
    while (!exited && Date.now() < deadline) {
      const version = await probeOllama(this.hostUrl, 1_000);
      if (version !== null && !exited) {
        this.version = version;
        await this.refreshModels();
        this.set('running');
        this.watchHealth();
        return;
      }
      await sleep(100);
    }
    if (!exited) {
      this.lastError = 'Ollama did not answer in time';
      child.kill('SIGKILL');
    }
  }

  private onCrash(message: string): void {
    this.stopHealth();
    const max = this.o.maxRestarts ?? 5;
    if (this.restarts >= max) {
      this.set('crashed', `${message}; gave up after ${this.restarts} restarts`);
      return;
    }
    this.set('crashed', message);
    const delay = Math.min(
      this.o.restartMaxMs ?? 30_000,
      (this.o.restartBaseMs ?? 1_000) * 2 ** this.restarts,
    );
    this.restarts++;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      // From a timer: a failed restart is a state, never an unhandled rejection.
      if (!this.stopping)
        this.spawnServer().catch((error: unknown) =>
          this.set('unavailable', error instanceof Error ? error.message : String(error)),
        );
    }, delay);
  }

  private watchHealth(): void {
    this.stopHealth();
    const every = this.o.healthIntervalMs ?? 15_000;
    if (every <= 0) return;
    let misses = 0;
    this.healthTimer = setInterval(() => {
      if (!this.hostUrl) return;
      void probeOllama(this.hostUrl).then((version) => {
        if (version !== null) {
          misses = 0;
          return;
        }
        misses++;
        // A managed server that stopped answering is killed; its exit triggers the restart.
        if (misses >= 3 && this.managed && this.child) this.child.kill('SIGKILL');
        else if (misses >= 3 && !this.managed) this.set('unavailable', 'Ollama stopped answering');
      });
    }, every);
    this.healthTimer.unref();
  }

  private stopHealth(): void {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = null;
  }

  async refreshModels(): Promise<string[]> {
    if (!this.hostUrl) return [];
    try {
      const res = await new Ollama({ host: this.hostUrl }).list();
      this.models = res.models.map((m) => m.name);
    } catch (error) {
      this.lastError = redactSecrets(error instanceof Error ? error.message : String(error));
    }
    return this.models;
  }

  private async autoPull(): Promise<void> {
    if (this.o.autoPull === false) return;
    const installed = new Set(this.models.map(ollamaModelKey));
    for (const model of [this.o.chatModel, this.o.embedModel]) {
      if (installed.has(ollamaModelKey(model))) continue;
      try {
        await this.pull(model);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
      }
    }
  }

  /** Downloads a model, reporting progress; resolves when it is installed. */
  async pull(model: string): Promise<OllamaStatus> {
    const host = this.host();
    if (!host) throw new AppError('NO_PROVIDER', 'Ollama is not running');
    const report = (p: Omit<OllamaPullProgress, 'model' | 'percent'>) =>
      this.o.onProgress?.({
        model,
        ...p,
        percent:
          p.totalBytes && p.completedBytes !== null
            ? Math.min(100, Math.round((p.completedBytes / p.totalBytes) * 1000) / 10)
            : null,
      });
    try {
      const stream = await new Ollama({ host }).pull({ model, stream: true });
      for await (const part of stream) {
        report({
          status: part.status,
          completedBytes: part.completed ?? null,
          totalBytes: part.total ?? null,
          done: false,
        });
      }
    } catch (error) {
      throw new AppError(
        'PROVIDER_ERROR',
        `pulling ${model} failed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`,
      );
    }
    report({ status: 'success', completedBytes: null, totalBytes: null, done: true });
    await this.refreshModels();
    this.o.onStatus?.(this.status());
    return this.status();
  }

  /** Stops a server we started (SIGTERM, then SIGKILL after `graceMs`); leaves an external one alone. */
  async stop(graceMs = 3_000): Promise<void> {
    this.stopping = true;
    this.stopHealth();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', this.killOnExit);
    this.child = null;
    if (this.state !== 'unavailable') this.set('stopped');
  }
}
