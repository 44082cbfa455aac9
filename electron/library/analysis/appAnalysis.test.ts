import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AnalysisProgress,
  HandlerName,
  InputOf,
  LibraryChanged,
  OutputOf,
  Result,
} from '../../../shared/contract';
import type { SearchQuery } from '../../../shared/schemas';
import { createTestApp } from '../../app/test-support/testApp';
import { writeAudioFolder } from '../../analysis/test-support/audioFolder';
import { browsingWorkers, defaultWorkers } from './analysisRunner';

let app: ReturnType<typeof createTestApp> | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

async function invoke<K extends HandlerName>(
  name: K,
  input: InputOf<K>,
): Promise<Result<OutputOf<K>>> {
  return (await app!.dispatch(name, input, { origin: 'test' })) as Result<OutputOf<K>>;
}

async function search(query: SearchQuery): Promise<string[]> {
  const r = await invoke('library.search', query);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((s) => s.name).sort();
}

describe('background analysis in the app', () => {
  it('gives a core back while the user browses (any request but analysis status)', async () => {
    app = createTestApp();
    await app.start();
    const idle = defaultWorkers();
    expect(app.analysis.progress().workers).toBe(idle);
    expect((await invoke('analysis.status', {})).ok).toBe(true);
    expect(app.analysis.progress().workers).toBe(idle);
    await search({});
    expect(app.analysis.progress().workers).toBe(browsingWorkers(idle));
  });

  it('analyses imported samples and the search index sees bpm, key, class and tags', async () => {
    app = createTestApp();
    const folder = join(app.dir, 'samples');
    mkdirSync(folder);
    writeAudioFolder(folder);
    const progress: AnalysisProgress[] = [];
    const changed: LibraryChanged[] = [];
    app.events.on('analysis.progress', (p) => progress.push(p));
    app.events.on('library.changed', (c) => changed.push(c));
    await app.start();
    expect(app.analysis.progress().workers).toBeGreaterThanOrEqual(1);
    const added = await invoke('library.addFolder', { path: folder });
    expect(added.ok).toBe(true);
    await app.library.importer.whenIdle();
    app.analysis.wake();
    await app.analysis.whenIdle();

    expect(changed.some((c) => c.reason === 'analysis' && (c.sampleIds?.length ?? 0) > 0)).toBe(
      true,
    );
    // broken.wav never became a sample (the import reported it); the other three are analysed.
    expect(progress.at(-1)).toMatchObject({ state: 'idle', queued: 0, completed: 3, failed: 0 });

    expect(await search({ filters: { bpm: { min: 95, max: 105 } } })).toEqual(['groove.wav']);
    expect(await search({ filters: { key: { key: 'A minor' } } })).toEqual(['chords loop.wav']);
    expect(await search({ filters: { kind: 'one-shot' } })).toEqual(['Kick-Hard.wav']);
    expect(await search({ filters: { analysis: 'done' } })).toHaveLength(3);
    const kickClass = app.db
      .prepare(`SELECT class FROM samples WHERE name = 'Kick-Hard.wav'`)
      .pluck()
      .get() as string | null;
    expect(kickClass).toBe('kick');
    expect(await search({ filters: { classes: ['kick'] } })).toEqual(['Kick-Hard.wav']);
    // Automatic tags are searchable too (the kind became a tag).
    expect(await search({ filters: { tags: ['loop'] } })).toEqual([
      'chords loop.wav',
      'groove.wav',
    ]);

    const status = await invoke('analysis.status', {});
    expect(status.ok && status.value.library).toEqual({
      done: 3,
      failed: 0,
      queued: 0,
      running: 0,
    });
    const paused = await invoke('analysis.pause', {});
    expect(paused.ok && paused.value.state).toBe('paused');
    const groove = app.db
      .prepare(`SELECT id FROM samples WHERE name = 'groove.wav'`)
      .pluck()
      .get() as number;
    const re = await invoke('analysis.reanalyze', { sampleIds: [groove] });
    expect(re.ok && re.value.queued).toBe(1);
    const pr = await invoke('analysis.prioritize', { sampleIds: [groove] });
    expect(pr.ok && pr.value.queued).toBe(1);
    const cancelled = await invoke('analysis.cancel', {});
    expect(cancelled.ok && cancelled.value.cancelled).toBe(1);
    const retry = await invoke('analysis.retryFailed', {});
    expect(retry.ok && retry.value.queued).toBe(0);
    // Re-analysis of everything goes through the queue while paused, then runs on resume.
    const all = await invoke('analysis.reanalyze', {});
    expect(all.ok && all.value.queued).toBe(3);
    const resumed = await invoke('analysis.resume', {});
    expect(resumed.ok && resumed.value.state).toBe('running');
    await app.analysis.whenIdle();
    expect(app.analysis.progress()).toMatchObject({ completed: 6, failed: 0 });
    expect(await search({ filters: { bpm: { min: 95, max: 105 } } })).toEqual(['groove.wav']);
    const bad = await invoke('analysis.prioritize', { sampleIds: [] });
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
  }, 120_000);

  it('stays off in the CLI unless asked', async () => {
    app = createTestApp({ mode: 'cli' });
    await app.start();
    expect(app.analysis.progress()).toMatchObject({ state: 'off', workers: 0 });
    const status = await invoke('analysis.status', {});
    expect(status.ok && status.value.progress.state).toBe('off');
  });
});
