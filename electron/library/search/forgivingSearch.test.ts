import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/contract/analysis';
import type { SearchQuery } from '../../../shared/schemas';
import type { SampleClass } from '../../../shared/taxonomy';
import { analyzeFile } from '../../analysis/analyzeFile';
import type { SampleClassification } from '../../analysis/classify/classification';
import { sine, whiteNoise } from '../../analysis/test-support/signals';
import { tempDir } from '../../analysis/test-support/tempFiles';
import { writeWav } from '../../analysis/test-support/writeAudio';
import { AnalysisStore } from '../analysis/analysisStore';
import { openDatabase, type Db } from '../db';
import { LibraryIndex } from '../searchIndex/libraryIndex';
import { applyTags } from '../tags';
import { matchingIds } from './matchingIds';
import { searchSamples } from './search';
import { SearchService } from './searchService';

/**
 * Forgiving search on a real library database, through both engines (SQL full text and
 * the in-memory index): spellings, abbreviations, plurals, typos, classes and descriptor
 * tags written by the analysis store, and the order of relevance.
 */
const tmp = tempDir('sm-forgiving-');
let db: Db;
let service: SearchService;
const ids = new Map<string, number>();

const LIBRARY: Array<[dir: string, name: string]> = [
  ['Drums/Kicks', 'Kick 01.wav'],
  ['Drums', 'BD_808.wav'],
  ['lmms/drums', 'bassdrum01.ogg'],
  ['One Shots', 'kik_hard.wav'],
  ['Drums/Snares', 'Snare 01.wav'],
  ['sonic', 'sn_dub.flac'],
  ['Drums/Hats', 'HiHat Closed.wav'],
  ['Kit', 'Hi-Hat 03.wav'],
  ['Kit', 'hh_tight.wav'],
  ['Kit', 'Hat_Open.wav'],
  ['Synths', 'juno_pad01.wav'],
  ['Synths', 'juno_pad02.wav'],
  ['Perc', 'Shaker 01.wav'],
  ['Recorded', 'mystery_one.wav'],
  ['Clicks', 'Tick 01.wav'],
  ['Bass', 'Sub Bass C.wav'],
  ['DnB/Bass', 'Drum and Bass Loop.wav'],
];

function insertSamples(): void {
  const now = Date.now();
  db.prepare('INSERT INTO folders(path, added_at) VALUES (?, ?)').run('/lib', now);
  const insert = db.prepare(
    `INSERT INTO samples(folder_id, path, dir, name, format, size, mtime_ms, added_at)
     VALUES (1, ?, ?, ?, 'wav', 100, 0, ?)`,
  );
  for (const [dir, name] of LIBRARY) {
    const id = Number(insert.run(`/lib/${dir}/${name}`, dir, name, now).lastInsertRowid);
    ids.set(name, id);
  }
}

function classified(cls: SampleClass | null): SampleClassification | null {
  if (!cls) return null;
  return {
    class: cls,
    tier: 'likely',
    classSource: 'audio',
    confidence: 0.8,
    candidates: [{ class: cls, p: 0.8 }],
    loopClass: null,
    embedding: new Float32Array([0.1, 0.2]),
    embeddingVersion: 'test',
  };
}

const names = (page: { items: Array<{ name: string }> }) => page.items.map((s) => s.name).sort();
const id = (name: string) => ids.get(name)!;

/** Both engines' names for a query (the SQL path and the index), checked to agree. */
function found(text: string, extra: Partial<SearchQuery> = {}): string[] {
  const query: SearchQuery = { text, limit: 500, ...extra };
  const sql = names(searchSamples(db, query));
  const mem = names(service.search(query));
  expect(service.usesIndex).toBe(true);
  expect(mem).toEqual(sql);
  expect(matchingIds(db, { text }).length).toBe(sql.length);
  return sql;
}

beforeAll(async () => {
  db = openDatabase(':memory:');
  insertSamples();
  // Two pads analysed for real: a low sine chord (dark) and noise (bright).
  const sr = 44100;
  const fifth = sine(165, 2, sr, 0.2);
  const low = sine(110, 2, sr, 0.3).map((v, i) => v + fifth[i]!);
  const dark = await analyzeFile(
    tmp.file('dark.wav', writeWav({ sampleRate: sr, channels: [low] })),
  );
  const bright = await analyzeFile(
    tmp.file('bright.wav', writeWav({ sampleRate: sr, channels: [whiteNoise(1, sr, 0.3)] })),
  );
  expect(dark.tags).toContain('dark');
  expect(bright.tags).not.toContain('dark');
  const store = new AnalysisStore(db);
  const analysed: Array<[string, AnalysisResult, SampleClass | null]> = [
    ['juno_pad01.wav', dark, 'pad'],
    ['juno_pad02.wav', bright, 'pad'],
    // Its class comes from the audio alone: only the class tag says "kick".
    ['mystery_one.wav', bright, 'kick'],
  ];
  store.write(
    analysed.map(([name, result, cls]) => ({
      sampleId: id(name),
      result,
      classification: classified(cls),
    })),
  );
  applyTags(db, [id('Shaker 01.wav')], ['Hand Percussion'], []);
  const index = new LibraryIndex(db);
  index.loadSync();
  service = new SearchService(db, index);
}, 60_000);

afterAll(() => {
  db?.close();
  tmp.cleanup();
});

describe('forgiving search (SQL and index agree on every query)', () => {
  const HATS = ['Hat_Open.wav', 'Hi-Hat 03.wav', 'HiHat Closed.wav', 'hh_tight.wav'];
  const KICKS = ['BD_808.wav', 'Kick 01.wav', 'bassdrum01.ogg', 'kik_hard.wav', 'mystery_one.wav'];

  it('"hihat", "hi hat", "hi-hat", "hh" and plurals find the same hats', () => {
    for (const typed of ['hihat', 'hi hat', 'hi-hat', 'hh', 'HiHat', 'hihats', 'hats'])
      expect(found(typed), typed).toEqual(HATS);
  });

  it('abbreviations, a 3-letter misspelling and plurals find kicks, the class tag included', () => {
    for (const typed of ['kick', 'kik', 'bd', 'kicks', 'Kick Drum', 'KICKDRUM'])
      expect(found(typed), typed).toEqual(KICKS);
    // typed words apart still find what they always found, besides the kicks
    expect(found('bass drum')).toEqual([...KICKS, 'Drum and Bass Loop.wav'].sort());
    // a phrase of the vocabulary is not matched as loose words across a path
    expect(found('kick')).not.toContain('Drum and Bass Loop.wav');
  });

  it('a typo of four letters or more finds the word one edit away', () => {
    expect(found('kcik')).toEqual(KICKS);
    expect(found('snaer')).toEqual(['Snare 01.wav', 'sn_dub.flac']);
    expect(found('shakr')).toEqual(['Shaker 01.wav']);
    // a word found as typed does not pull in its neighbours ("kick" is not "tick")
    expect(found('tick')).toEqual(['Tick 01.wav']);
    expect(found('kick')).not.toContain('Tick 01.wav');
    expect(found('qqqqq')).toEqual([]);
  });

  it('words match descriptors and classes written by analysis, and user tags', () => {
    expect(found('dark pad')).toEqual(['juno_pad01.wav']);
    expect(found('bright pad')).toEqual(['juno_pad02.wav']);
    expect(found('pads')).toEqual(['juno_pad01.wav', 'juno_pad02.wav']);
    expect(found('perc')).toEqual(['Shaker 01.wav']);
    expect(found('hand percussion')).toEqual(['Shaker 01.wav']);
  });

  it('narrower words go one way: "bass" finds a sub bass, "sub bass" not every bass', () => {
    expect(found('bass')).toEqual(
      expect.arrayContaining(['Sub Bass C.wav', 'Drum and Bass Loop.wav']),
    );
    expect(found('sub bass')).toEqual(['Sub Bass C.wav']);
  });

  it('ranks the typed word in a name first, then its class tag, then synonyms', () => {
    const q: SearchQuery = { text: 'kick', sort: { by: 'relevance', dir: 'asc' }, limit: 50 };
    for (const page of [service.search(q), searchSamples(db, q)]) {
      const order = page.items.map((s) => s.name);
      expect(order[0]).toBe('Kick 01.wav');
      expect(order[1]).toBe('mystery_one.wav');
      expect(new Set(order.slice(2))).toEqual(
        new Set(['BD_808.wav', 'bassdrum01.ogg', 'kik_hard.wav']),
      );
    }
    const hh: SearchQuery = { text: 'hh', sort: { by: 'relevance', dir: 'asc' }, limit: 50 };
    expect(service.search(hh).items[0]!.name).toBe('hh_tight.wav');
    expect(searchSamples(db, hh).items[0]!.name).toBe('hh_tight.wav');
  });
});
