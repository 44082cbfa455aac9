import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from './workerPool';
import { workerScript } from './workerScript';
import { TaskQueue } from './taskQueue';
import { RateMeter } from './rateMeter';
import { claimForEnding, NativeSections, newSectionCell } from './nativeSection';
import { createAnalysisPool } from './analysisPool';
import type { TestTask } from '../test-support/testWorker';
import { tempDir } from '../test-support/tempFiles';
import { writeWav } from '../test-support/writeAudio';
import { drumLoop, harmonicTone } from '../test-support/signals';

const script = workerScript(
  new URL('./no-such-compiled.js', import.meta.url),
  new URL('../test-support/testWorker.ts', import.meta.url),
);

function pool(size = 2, timeoutMs?: number): WorkerPool<TestTask, number> {
  return new WorkerPool<TestTask, number>({ script, size, ...(timeoutMs ? { timeoutMs } : {}) });
}

describe('WorkerPool', () => {
  it('runs tasks on several workers and reports progress', async () => {
    const p = pool(2);
    const seen: number[] = [];
    const off = p.onProgress((pr) => seen.push(pr.completed));
    const outs = await Promise.all([1, 2, 3, 4, 5].map((v) => p.submit({ op: 'echo', value: v })));
    expect(outs.map((o) => (o.ok ? o.value : -1))).toEqual([1, 2, 3, 4, 5]);
    const pr = p.progress();
    expect(pr).toMatchObject({ completed: 5, failed: 0, queued: 0, running: 0, workers: 2 });
    expect(pr.perSecond).toBeGreaterThan(0);
    expect(pr.etaSec).toBe(0);
    expect(seen.at(-1)).toBe(5);
    off();
    await p.close();
  });

  it('calls onStart when a ready worker begins a task, never for one cancelled while it waited', async () => {
    const p = pool(1);
    const begun: string[] = [];
    const onStart = (id: string) => () => begun.push(id);
    const a = p.submit({ op: 'sleep', ms: 300 }, { id: 'a', onStart: onStart('a') });
    const b = p.submit({ op: 'echo', value: 2 }, { id: 'b', onStart: onStart('b') });
    const c = p.submit({ op: 'echo', value: 3 }, { id: 'c', onStart: onStart('c') });
    // The worker is still loading: nothing has begun yet.
    expect(begun).toEqual([]);
    expect(p.cancel('b')).toBe(true);
    await Promise.all([a, b, c]);
    expect(begun).toEqual(['a', 'c']);
    await p.close();
  });

  it('turns a thrown error into error data and keeps the worker', async () => {
    const p = pool(1);
    const bad = await p.submit({ op: 'throw' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'task failed on purpose' },
    });
    expect((await p.submit({ op: 'echo', value: 7 })).ok).toBe(true);
    await p.close();
  });

  it('survives a crashing worker and a worker that exits', async () => {
    const p = pool(1);
    const [crash, after, exit, last] = await Promise.all([
      p.submit({ op: 'crash' }),
      p.submit({ op: 'echo', value: 1 }),
      p.submit({ op: 'exit' }),
      p.submit({ op: 'echo', value: 2 }),
    ]);
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(crash.ok ? '' : crash.error.message).toMatch(/worker crashed: worker blew up/);
    expect(after).toMatchObject({ ok: true, value: 1 });
    expect(exit).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'worker exited with code 3' },
    });
    expect(last).toMatchObject({ ok: true, value: 2 });
    expect(p.progress()).toMatchObject({ completed: 2, failed: 2 });
    await p.close();
  });

  it('terminates and replaces a hung worker after the timeout', async () => {
    const p = pool(1, 400);
    const t0 = performance.now();
    const [hung, next] = await Promise.all([
      p.submit({ op: 'hang' }),
      p.submit({ op: 'echo', value: 9 }),
    ]);
    expect(hung).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(next).toMatchObject({ ok: true, value: 9 });
    await p.close();
  });

  it('counts the hang limit from the last sign of progress', async () => {
    const p = pool(1, 600);
    const quiet = await p.submit({ op: 'sleep', ms: 1500 });
    expect(quiet).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(quiet.ok ? '' : quiet.error.message).toMatch(/no progress for 600 ms/);
    const busy = await p.submit({ op: 'progress', ms: 1500, value: 4 });
    expect(busy).toMatchObject({ ok: true, value: 4 });
    await p.close();
  });

  it('runs fewer tasks at once after shrinking and more after growing', async () => {
    const p = pool(2);
    let most = 0;
    p.onProgress((pr) => (most = Math.max(most, pr.running)));
    p.resize(1);
    await Promise.all([1, 2, 3].map(() => p.submit({ op: 'sleep', ms: 100 })));
    expect(most).toBe(1);
    p.resize(2);
    expect(p.size).toBe(2);
    await Promise.all([1, 2, 3, 4].map(() => p.submit({ op: 'sleep', ms: 100 })));
    expect(most).toBe(2);
    await p.close();
  });

  it('cancels queued and running tasks', async () => {
    const p = pool(1);
    const running = p.submit({ op: 'sleep', ms: 5000 }, { id: 'slow' });
    const queued = p.submit({ op: 'echo', value: 1 }, { id: 'q' });
    await new Promise((r) => setTimeout(r, 200));
    expect(p.cancel('q')).toBe(true);
    expect(p.cancel('slow')).toBe(true);
    expect(p.cancel('nope')).toBe(false);
    expect(await queued).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await p.submit({ op: 'echo', value: 3 })).ok).toBe(true);
    expect(p.progress().cancelled).toBe(2);
    await p.close();
  });

  it('pauses, resumes, runs prioritised tasks first and rejects duplicate ids', async () => {
    const p = pool(1);
    p.pause();
    const order: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((id) =>
      p.submit({ op: 'echo' }, { id }).then((o) => order.push(o.id)),
    );
    const urgent = p
      .submit({ op: 'echo' }, { id: 'urgent', priority: 5 })
      .then((o) => order.push(o.id));
    expect((await p.submit({ op: 'echo' }, { id: 'a' })).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.progress()).toMatchObject({ queued: 5, running: 0, paused: true });
    expect(p.prioritize('c')).toBe(true);
    expect(p.prioritize('zzz')).toBe(false);
    p.resume();
    await Promise.all([...tasks, urgent]);
    expect(order).toEqual(['c', 'urgent', 'a', 'b', 'd']);
    await p.close();
  });

  it('cancels what is left when closed', async () => {
    const p = pool(1);
    const a = p.submit({ op: 'sleep', ms: 3000 });
    const b = p.submit({ op: 'echo', value: 1 });
    await new Promise((r) => setTimeout(r, 200));
    await p.close();
    expect(await a).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await b).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await p.submit({ op: 'echo' })).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
    expect(p.cancelQueued()).toBe(0);
  });
});

describe('native sections', () => {
  // Terminating a worker while the ONNX runtime's binding is in a native call aborts the
  // whole process ("terminate called after throwing an instance of 'Napi::Error'"): on
  // the old pool these two tests took the test process down.
  const started = (p: WorkerPool<TestTask, number>, id: string) =>
    new Promise<void>((resolve) => {
      void p.submit({ op: 'loadModels', ms: 4000 }, { id, onStart: () => resolve() });
    });

  it('closing the pool while a worker loads models waits for the load, then ends it', async () => {
    const p = pool(1);
    const outcome = new Promise((resolve) => p.onProgress((pr) => pr.cancelled && resolve(pr)));
    await started(p, 'load');
    await new Promise((r) => setTimeout(r, 400));
    await p.close();
    expect(await outcome).toMatchObject({ cancelled: 1, completed: 0 });
  }, 20_000);

  it('cancelling a task that is loading a model ends its worker after the load; the pool goes on', async () => {
    const p = pool(1);
    const running = p.submit({ op: 'loadModels', ms: 4000 }, { id: 'load' });
    const next = p.submit({ op: 'echo', value: 5 });
    await new Promise((r) => setTimeout(r, 600));
    expect(p.cancel('load')).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await next).toMatchObject({ ok: true, value: 5 });
    await p.close();
  }, 20_000);

  it('the pool claims a worker only outside a section; a worker being ended starts none', async () => {
    const cell = newSectionCell();
    const sections = new NativeSections(cell);
    let leave = (): void => undefined;
    const inside = sections.run(
      () =>
        new Promise<number>((r) => {
          leave = () => r(1);
        }),
    );
    // Nested sections are one section.
    expect(await sections.run(async () => 2)).toBe(2);
    expect(await claimForEnding(cell, 30)).toBe(false);
    const claim = claimForEnding(cell, 5000);
    setTimeout(() => leave(), 50);
    expect(await inside).toBe(1);
    expect(await claim).toBe(true);
    await expect(sections.run(async () => 3)).rejects.toMatchObject({ code: 'CANCELLED' });
    // A worker that died inside a section is not waited for.
    const dead = newSectionCell();
    void new NativeSections(dead).run(() => new Promise<never>(() => undefined));
    const t0 = performance.now();
    expect(await claimForEnding(dead, 5000, () => true)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
    // Outside the pool (no cell) a section is a plain call.
    expect(await new NativeSections(null).run(async () => 4)).toBe(4);
  });
});

describe('TaskQueue and RateMeter', () => {
  it('orders by priority then arrival', () => {
    const q = new TaskQueue<string>();
    q.push('a', 0, 'a');
    q.push('b', 1, 'b');
    q.push('c', 0, 'c');
    q.push('d', 1, 'd');
    expect(q.has('c')).toBe(true);
    expect(q.promote('c')).toBe(true);
    expect(q.drain().map((t) => t.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(q.shift()).toBeUndefined();
    expect(q.remove('x')).toBeUndefined();
  });

  it('measures a rate over a window and estimates time left', () => {
    let t = 0;
    const r = new RateMeter(1000, () => t);
    expect(r.perSecond()).toBe(0);
    expect(r.eta(5)).toBeNull();
    expect(r.eta(0)).toBe(0);
    for (let i = 0; i < 10; i++) {
      r.tick();
      t += 100;
    }
    expect(r.perSecond()).toBeCloseTo(10, 0);
    expect(r.eta(20)).toBeCloseTo(2, 0);
    t += 5000;
    expect(r.perSecond()).toBe(0);
  });
});

describe('analysis pool', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('analyses real files on two workers and reports bad ones without falling over', async () => {
    const sr = 44100;
    const loop = tmp.file(
      'loop.wav',
      writeWav({ sampleRate: sr, channels: [drumLoop(120, 2, sr), drumLoop(120, 2, sr, 9)] }),
    );
    const tone = tmp.file(
      'tone.wav',
      writeWav({
        sampleRate: sr,
        channels: [harmonicTone(220, 1.5, sr, { decay: 0.3 })],
        encoding: 'f32',
      }),
    );
    const bad = tmp.file('bad.wav', new TextEncoder().encode('RIFF....WAVEjunkjunkjunk'));
    const empty = tmp.file('empty.wav', new Uint8Array(0));
    const p = createAnalysisPool({ size: 2, timeoutMs: 60_000 });
    try {
      const [a, b, c, d, e, f] = await Promise.all([
        p.submit({ path: loop }),
        p.submit({ path: tone, hints: { rootMidi: 57 } }),
        p.submit({ path: bad }),
        p.submit({ path: empty }),
        p.submit({ path: `${tmp.dir}/missing.wav` }),
        p.submit({ path: loop, classify: true }),
      ]);
      expect(a.ok && a.value.result.kind).toBe('loop');
      expect(a.ok && a.value.result.bpm).toBeCloseTo(120, 0);
      expect(a.ok && a.value.result.peaks).toBeInstanceOf(Uint8Array);
      expect(a.ok && a.value.classification).toBeNull();
      expect(b.ok && b.value.result.rootNote).toBe('A3');
      // The classifier runs in the worker (the model is in models/): loop content class + embedding.
      const cls = f.ok ? f.value.classification : null;
      expect(cls?.candidates.length).toBeGreaterThan(0);
      expect(cls?.embedding).toBeInstanceOf(Float32Array);
      expect(cls?.embedding.length).toBe(64);
      expect(cls?.loopClass).toBe(cls?.class);
      expect(c.ok ? 'ok' : c.error.code).toMatch(/TRUNCATED_FILE|CORRUPT_FILE/);
      expect(d.ok ? 'ok' : d.error.code).toBe('EMPTY_FILE');
      expect(e.ok ? 'ok' : e.error.code).toBe('NOT_FOUND');
      expect(p.progress()).toMatchObject({ completed: 3, failed: 3 });
    } finally {
      await p.close();
    }
  }, 60_000);
});
