import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerName } from '../../shared/contract';
import type { AiStatus } from '../../shared/contract/ai';
import { HANDLER_NAMES } from '../../shared/schemas';
import { writeTinyWav } from '../library/fixtures/tinyWav';
import { createTestApp } from './test-support/testApp';
import { createApp } from './createApp';
import { headlessHost } from './headlessHost';
import { memoryKeyStore } from '../ai/test-support/memoryKeyStore';
import { existingAiService } from '../ai/handlers';

let app: ReturnType<typeof createTestApp>;

async function ok<T>(name: HandlerName, input: unknown): Promise<T> {
  const r = await app.dispatch(name, input, { origin: 'test' });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  app = createTestApp();
  await app.start();
});
afterEach(async () => {
  await app.dispose();
});

describe('the handler map and dispatch', () => {
  it('has a handler for every request in the contract', () => {
    for (const name of HANDLER_NAMES) expect(typeof app.handlers[name], name).toBe('function');
  });

  it('rejects unknown requests and invalid input with stable codes', async () => {
    expect(await app.dispatch('no.such.thing', {}, { origin: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const bad = await app.dispatch('library.search', { limit: -1 }, { origin: 'test' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!bad.ok && bad.error.message).toMatch(/limit/);
    expect(await app.dispatch('library.getSample', { id: 999 }, { origin: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await app.dispatch('library.addFolder', { path: join(app.dir, 'nope') }, { origin: 'test' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.dispatch('platform.pickFolder', {}, { origin: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
  });

  it('turns unexpected exceptions into INTERNAL errors', async () => {
    (app.handlers as unknown as Record<string, () => never>)['library.stats'] = () => {
      throw new Error('boom');
    };
    const { createDispatch } = await import('../core/dispatch');
    const dispatch = createDispatch(app.handlers, () => {});
    expect(await dispatch('library.stats', {}, { origin: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('runs a library session end to end: import, search, tag, rate, collect, detail, stats, duplicates', async () => {
    const lib = join(app.dir, 'samples');
    mkdirSync(join(lib, 'Drums'), { recursive: true });
    writeTinyWav(join(lib, 'Drums', 'Kick 120bpm Am.wav'), { freq: 60 });
    writeTinyWav(join(lib, 'Drums', 'Snare.wav'), { freq: 200 });
    writeTinyWav(join(lib, 'Drums', 'Snare copy.wav'), { freq: 200 });
    const events: string[] = [];
    app.events.onAny((name) => events.push(name));
    const job = await ok<{ id: number }>('library.addFolder', { path: lib });
    await app.library.importer.whenIdle();
    expect(events).toContain('import.progress');
    expect(events).toContain('library.changed');

    const page = await ok<{
      items: Array<{ id: number; name: string; bpm: number | null; key: string | null }>;
      total: number;
    }>('library.search', { text: 'kick' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ name: 'Kick 120bpm Am.wav', bpm: 120, key: 'A minor' });
    const kickId = page.items[0]!.id;

    await ok('tags.apply', { sampleIds: [kickId], add: ['Punchy', 'mine'] });
    expect(await ok('tags.list', { prefix: 'pu' })).toEqual([{ name: 'punchy', count: 1 }]);
    await ok('tags.rename', { from: 'mine', to: 'keeper' });
    await ok('samples.setRating', { sampleIds: [kickId], rating: 4 });
    await ok('samples.setFavorite', { sampleIds: [kickId], favorite: true });
    const col = await ok<{ id: number }>('collections.create', {
      name: 'Best',
      sampleIds: [kickId],
    });
    await ok('collections.rename', { id: col.id, name: 'Best kicks' });
    expect(await ok('collections.list', {})).toMatchObject([
      { name: 'Best kicks', sampleCount: 1 },
    ]);
    const detail = await ok<Record<string, unknown>>('library.getSample', { id: kickId });
    expect(detail).toMatchObject({
      rating: 4,
      favorite: true,
      tags: ['keeper', 'punchy'],
      collections: [{ name: 'Best kicks' }],
      nameHints: { bpm: 120, key: 'A minor' },
    });
    expect(
      (
        await ok<{ items: unknown[] }>('library.search', {
          filters: { favorite: true, minRating: 4, tags: ['keeper'] },
        })
      ).items,
    ).toHaveLength(1);
    expect(
      (await ok<{ items: unknown[] }>('library.search', { filters: { collectionId: col.id } }))
        .items,
    ).toHaveLength(1);

    const stats = await ok<Record<string, unknown>>('library.stats', {});
    expect(stats).toMatchObject({
      samples: 3,
      folders: 1,
      favorites: 1,
      collections: 1,
      byFormat: { wav: 3 },
    });
    const dups = await ok<Array<{ samples: unknown[]; keeperId: number }>>(
      'library.duplicates',
      {},
    );
    expect(dups).toHaveLength(1);
    expect(dups[0]!.samples).toHaveLength(2);

    const tree = await ok<{
      sampleCount: number;
      children: Array<{ name: string; sampleCount: number }>;
    }>('library.folderTree', { folderId: 1 });
    expect(tree.sampleCount).toBe(3);
    expect(tree.children).toEqual([{ dir: 'Drums', name: 'Drums', sampleCount: 3, children: [] }]);
    expect(await ok('library.importJobs', {})).toMatchObject([{ id: job.id, phase: 'done' }]);
    expect(await ok('library.listFolders', {})).toMatchObject([{ path: lib, sampleCount: 3 }]);

    await ok('collections.removeSamples', { id: col.id, sampleIds: [kickId] });
    await ok('collections.addSamples', { id: col.id, sampleIds: [kickId] });
    expect(await ok('collections.delete', { id: col.id })).toEqual({ deleted: true });
    await ok('tags.apply', { sampleIds: [kickId], remove: ['punchy'] });
    expect(await ok('tags.delete', { name: 'keeper' })).toEqual({ changed: 1 });
    expect(
      await app.dispatch('tags.apply', { sampleIds: [kickId] }, { origin: 'test' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await ok('library.rescan', {})).toHaveLength(1);
    await app.library.importer.whenIdle();
    expect(await ok('library.removeFolder', { folderId: 1 })).toEqual({ removedSamples: 3 });
    expect((await ok<{ total: number }>('library.search', {})).total).toBe(0);
  });

  it('reports the host and data location', async () => {
    expect(await ok('app.info', {})).toMatchObject({
      name: 'SampleMind',
      mode: 'web',
      dataDir: app.dir,
      capabilities: { pickFolder: false },
    });
  });
});

describe('the AI service in the app', () => {
  it('takes its keys from the host and is closed with the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-app-ai-'));
    const app = createApp({
      dataDir: dir,
      dbPath: join(dir, 'library.db'),
      host: { ...headlessHost('cli'), keys: memoryKeyStore({ groq: 'gsk-test-key' }) },
      watch: false,
      log: () => {},
    });
    const status = await app.dispatch('ai.status', {}, { origin: 'test' });
    if (!status.ok) throw new Error(status.error.message);
    const value = status.value as AiStatus;
    expect(value.providers.find((p) => p.id === 'groq')!.hasKey).toBe(true);
    expect(JSON.stringify(value)).not.toContain('gsk-test-key');
    expect(existingAiService(app.db)).not.toBeNull();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
