import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerName, InputOf, OutputOf, Result } from '../../../shared/contract';
import { createTestApp } from '../../app/test-support/testApp';
import { fillSyntheticLibrary } from '../fixtures/syntheticLibrary';
import { filtersOf } from './describeSearch';
import { parseDescription } from '../../../shared/describe/parseDescription';
import { centreOf, writeClusteredFeatures, writeFeatures } from './test-support/writeFeatures';

let app: ReturnType<typeof createTestApp>;

async function call<K extends HandlerName>(
  name: K,
  input: InputOf<K>,
): Promise<Result<OutputOf<K>>> {
  return (await app.dispatch(name, input, { origin: 'test' })) as Result<OutputOf<K>>;
}
async function ok<K extends HandlerName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

beforeEach(() => {
  app = createTestApp({ mode: 'cli' });
  fillSyntheticLibrary(app.db, { count: 600, seed: 9 });
  writeClusteredFeatures(app.db);
});
afterEach(async () => app.dispose());

function firstOf(cls: string): number {
  return app.db
    .prepare('SELECT id FROM samples WHERE class = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(cls) as number;
}

describe('similar handlers', () => {
  it('similar.find validates its input at the boundary', async () => {
    const neither = await call('similar.find', {} as InputOf<'similar.find'>);
    expect(neither.ok).toBe(false);
    const both = await call('similar.find', { sampleId: 1, vectors: { featureVector: [1] } });
    expect(both.ok ? null : both.error.code).toBe('BAD_INPUT');
    const page = await ok('similar.find', {
      sampleId: firstOf('kick'),
      limit: 5,
      aspects: { pitch: 0 },
    });
    expect(page.items).toHaveLength(5);
  });

  it('similar.describe: hard filters from the parse, soft ranking by tags, explanation', async () => {
    const r = await ok('similar.describe', { text: 'dark punchy kick xyzzy', limit: 20 });
    expect(r.parse.classes).toEqual(['kick']);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.sample.class === 'kick')).toBe(true);
    // Tagged samples rank first (the synthetic library tags some samples "dark"/"punchy").
    const scores = r.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    if (r.items[0]!.score > 0) expect(r.items[0]!.reasons.join(' ')).toMatch(/tag (dark|punchy)/);
    expect(r.explanation).toMatch(/class kick/);
    expect(r.explanation).toMatch(/Not understood: "xyzzy"/);
    const loops = await ok('similar.describe', { text: 'drum loop 120 bpm', limit: 50 });
    for (const i of loops.items) {
      expect(i.sample.kind).toBe('loop');
      expect(i.sample.bpm).toBeGreaterThanOrEqual(116);
      expect(i.sample.bpm).toBeLessThanOrEqual(124);
    }
    const none = await ok('similar.describe', { text: 'kick not a kick', limit: 5 });
    expect(none.items.every((i) => i.sample.class !== 'kick')).toBe(true);
    const longPads = await ok('similar.describe', { text: 'long pad', limit: 5 });
    if (longPads.items[0]!.score > 0)
      expect(longPads.items[0]!.sample.durationSec).toBeGreaterThanOrEqual(2);
  });

  it('similar.describe "like #id" ranks by similarity to the reference', async () => {
    const snare = firstOf('snare');
    const r = await ok('similar.describe', { text: `like #${snare}`, limit: 10 });
    expect(r.reference?.id).toBe(snare);
    expect(r.items.filter((i) => i.sample.class === 'snare').length).toBeGreaterThanOrEqual(8);
    const name = app.db
      .prepare('SELECT name FROM samples WHERE id = ?')
      .pluck()
      .get(snare) as string;
    const byName = await ok('similar.describe', { text: `similar to ${name}`, limit: 3 });
    expect(byName.reference?.id).toBe(snare);
    const missing = await ok('similar.describe', { text: 'like zzqqxx_nothing', limit: 3 });
    expect(missing.reference).toBeNull();
    expect(missing.explanation).toMatch(/not found/);
  });

  it('similar.parse returns the parse only', async () => {
    expect((await ok('similar.parse', { text: 'bright open hat' })).nameWords).toEqual(['open']);
  });

  it('turns bars and a tempo into a length filter; caller filters win', () => {
    const f = filtersOf(parseDescription('4 bar loop at 120'));
    expect(f.durationSec?.min).toBeCloseTo(7.6);
    expect(f.durationSec?.max).toBeCloseTo(8.4);
    expect(filtersOf(parseDescription('kick'), { classes: ['snare'] }).classes).toEqual(['snare']);
  });

  it('similar.map: every analysed sample once, pages, class colours, incremental updates', async () => {
    const first = await ok('similar.map', { limit: 200 });
    const analysed = app.db.prepare('SELECT count(*) FROM sample_features').pluck().get() as number;
    expect(first.total).toBe(analysed);
    expect(first.ids).toHaveLength(200);
    expect(first.nextOffset).toBe(200);
    const rest = await ok('similar.map', { offset: 200 });
    expect(rest.version).toBe(first.version);
    expect(new Set([...first.ids, ...rest.ids]).size).toBe(analysed);
    for (const v of [...first.x, ...first.y]) expect(v >= 0 && v <= 65535).toBe(true);
    expect(first.classNames.length).toBeGreaterThan(3);
    // Each point carries its file name (shown beside the point under the pointer).
    const named = app.db
      .prepare('SELECT id, name FROM samples WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(first.ids)) as Array<{ id: number; name: string }>;
    const nameById = new Map(named.map((r) => [r.id, r.name]));
    expect(first.names).toEqual(first.ids.map((id) => nameById.get(id)));
    // Same-class points sit closer together than points of different classes.
    const all = await ok('similar.map', {});
    const byClass = new Map<number, number[]>();
    all.cls.forEach((c, i) => byClass.set(c, [...(byClass.get(c) ?? []), i]));
    const d = (a: number, b: number) => Math.hypot(all.x[a]! - all.x[b]!, all.y[a]! - all.y[b]!);
    let within = 0;
    let wn = 0;
    let between = 0;
    let bn = 0;
    for (let a = 0; a < all.ids.length; a += 7)
      for (let b = a + 1; b < all.ids.length; b += 11) {
        if (all.cls[a] === all.cls[b]) {
          within += d(a, b);
          wn++;
        } else {
          between += d(a, b);
          bn++;
        }
      }
    expect(within / wn).toBeLessThan((between / bn) * 0.6);
    // A newly analysed sample appears without a rebuild of the layout.
    const fresh = app.db
      .prepare(
        'SELECT id FROM samples WHERE id NOT IN (SELECT sample_id FROM sample_features) LIMIT 1',
      )
      .pluck()
      .get() as number;
    writeFeatures(app.db, fresh, centreOf('v:kick'), centreOf('e:kick'));
    app.library.samplesAnalysed([fresh]);
    const after = await ok('similar.map', {});
    expect(after.total).toBe(analysed + 1);
    expect(after.ids).toContain(fresh);
    expect(after.version).toBe(all.version + 1);
  });

  it('similar.duplicates: exact groups by content hash, near groups by sound, never deleting', async () => {
    const [a, b, c] = app.db
      .prepare("SELECT id FROM samples WHERE class = 'kick' ORDER BY id LIMIT 3")
      .pluck()
      .all() as number[];
    // b is the same audio as a (same content hash); c is a re-encode of a (same features).
    const hash = app.db
      .prepare('SELECT content_hash FROM samples WHERE id = ?')
      .pluck()
      .get(a) as string;
    app.db.prepare('UPDATE samples SET content_hash = ? WHERE id = ?').run(hash, b);
    const v = centreOf('v:kick');
    const e = centreOf('e:kick');
    for (const id of [a, b, c]) writeFeatures(app.db, id!, v, e);
    app.db.prepare("UPDATE samples SET format = 'mp3', lufs = lufs - 6 WHERE id = ?").run(c);
    app.library.samplesAnalysed([a!, b!, c!]);
    const before = app.db.prepare('SELECT count(*) FROM samples').pluck().get();
    const report = await ok('similar.duplicates', {});
    expect(
      report.exact.some(
        (g) =>
          g.samples
            .map((s) => s.id)
            .sort()
            .join() === [a, b].sort().join(),
      ),
    ).toBe(true);
    const near = report.near.find((g) => g.samples.some((s) => s.id === c));
    expect(near?.samples.map((s) => s.id)).toEqual(expect.arrayContaining([a, b, c]));
    expect(near?.differences).toEqual(expect.arrayContaining(['format', 'gain']));
    expect(near?.samples.find((s) => s.id === near.keeperId)?.format).not.toBe('mp3');
    expect(app.db.prepare('SELECT count(*) FROM samples').pluck().get()).toBe(before);
    const exactOnly = await ok('similar.duplicates', { near: false });
    expect(exactOnly.near).toEqual([]);
    const strict = await ok('similar.duplicates', { threshold: 1 });
    expect(strict.near.every((g) => g.similarity === 1)).toBe(true);
    // Library duplicates (exact only) still work as before.
    expect((await ok('library.duplicates', {})).length).toBe(
      report.exact.filter((g) => !g.contentHash.startsWith('pcm:')).length,
    );
  });
});
