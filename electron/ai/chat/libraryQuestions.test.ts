/**
 * The measured set of the issue: library questions with known answers, each driven
 * through the engine by a scripted stand-in model that issues the expected tool call;
 * the tool layer must return exactly the right samples for every one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideChatRouter } from './routerSlot';
import { createChatLibrary, INJECTION_NAME, type ChatLibrary } from './test-support/chatLibrary';
import { lastToolData, ScriptedRouter } from './test-support/scriptedRouter';
import { writeClusteredFeatures } from '../../library/similar/test-support/writeFeatures';

interface Question {
  q: string;
  tool: string;
  input: Record<string, unknown> | ((lib: ChatLibrary) => Record<string, unknown>);
  /** Expected sample names (in order when `ordered`), or a check of the data. */
  expect: string[] | ((data: Record<string, unknown>) => void);
  ordered?: boolean;
}

const n = (s: string) => `${s}.wav`;

const QUESTIONS: Question[] = [
  {
    q: 'find me a dark 90 BPM drum loop',
    tool: 'search_samples',
    input: { describe: 'dark', kind: 'loop', bpmMin: 85, bpmMax: 95 },
    expect: [n('Dark Drum Loop 90bpm Am')],
  },
  {
    q: 'a bass in A minor',
    tool: 'search_samples',
    input: { classes: ['bass'], key: 'A minor' },
    expect: [n('Sub Bass Am')],
  },
  {
    q: 'a bass that goes with A minor',
    tool: 'search_samples',
    input: { classes: ['bass'], key: 'Am', keyRelation: 'compatible' },
    expect: [n('Sub Bass Am')],
  },
  {
    q: 'show me my kicks',
    tool: 'search_samples',
    input: { classes: ['kick'] },
    expect: [n('Kick Hard'), n('Kick Soft')],
  },
  {
    q: 'which of my kicks are clipped?',
    tool: 'search_samples',
    input: { classes: ['kick'], sort: 'lufs', order: 'desc' },
    expect: (data) => {
      const rows = data.samples as Array<{ name: string; truePeakDb: number }>;
      expect(rows.filter((r) => r.truePeakDb > 0).map((r) => r.name)).toEqual([n('Kick Hard')]);
    },
  },
  {
    q: 'what did I add last week?',
    tool: 'search_samples',
    input: { addedWithinDays: 7, limit: 25 },
    expect: [
      'Kick Hard',
      'Kick Soft',
      'Snare Crack',
      'Dark Drum Loop 90bpm Am',
      'Bright Drum Loop 124bpm',
      'Sub Bass Am',
      'Reese Bass Fm',
    ].map(n),
  },
  {
    q: 'loops faster than 100 BPM',
    tool: 'search_samples',
    input: { kind: 'loop', bpmMin: 100 },
    expect: [n('Bright Drum Loop 124bpm')],
  },
  {
    q: 'any snares?',
    tool: 'search_samples',
    input: { text: 'snare' },
    expect: [n('Snare Crack')],
  },
  {
    q: 'samples tagged dark',
    tool: 'search_samples',
    input: { tags: ['dark'] },
    expect: [n('Dark Drum Loop 90bpm Am')],
  },
  { q: 'pads', tool: 'search_samples', input: { classes: ['pad'] }, expect: [n('Airy Pad C')] },
  {
    q: 'something airy',
    tool: 'search_samples',
    input: { describe: 'airy' },
    expect: [n('Airy Pad C')],
  },
  {
    q: 'that reese bass',
    tool: 'search_samples',
    input: { text: 'reese' },
    expect: [n('Reese Bass Fm')],
  },
  {
    q: 'one-shots in F minor',
    tool: 'search_samples',
    input: { kind: 'one-shot', key: 'F minor' },
    expect: [n('Reese Bass Fm')],
  },
  {
    q: 'anything in C major',
    tool: 'search_samples',
    input: { key: 'C' },
    expect: [n('Airy Pad C')],
  },
  {
    q: 'samples in A minor or its relative major',
    tool: 'search_samples',
    input: { key: 'A minor', keyRelation: 'relative' },
    expect: [n('Airy Pad C'), n('Dark Drum Loop 90bpm Am'), n('Sub Bass Am')],
  },
  {
    q: 'loops longer than 0.4 seconds',
    tool: 'search_samples',
    input: { kind: 'loop', minSeconds: 0.4 },
    expect: [n('Bright Drum Loop 124bpm'), n('Dark Drum Loop 90bpm Am')],
  },
  {
    q: 'one-shots shorter than 0.1 seconds',
    tool: 'search_samples',
    input: { kind: 'one-shot', maxSeconds: 0.1 },
    expect: [],
  },
  {
    q: 'my favourites',
    tool: 'search_samples',
    input: { favorite: true },
    expect: [n('Kick Soft')],
  },
  {
    q: 'samples I rated 4 stars or more',
    tool: 'search_samples',
    input: { minRating: 4 },
    expect: [n('Snare Crack')],
  },
  {
    q: 'drum loops',
    tool: 'search_samples',
    input: { classes: ['drums'] },
    expect: [n('Bright Drum Loop 124bpm'), n('Dark Drum Loop 90bpm Am')],
  },
  {
    q: 'my quietest kick',
    tool: 'search_samples',
    input: { classes: ['kick'], sort: 'lufs', order: 'asc', limit: 1 },
    expect: [n('Kick Soft')],
    ordered: true,
  },
  {
    q: 'my loudest kick',
    tool: 'search_samples',
    input: { classes: ['kick'], sort: 'lufs', order: 'desc', limit: 1 },
    expect: [n('Kick Hard')],
    ordered: true,
  },
  {
    q: 'the slowest loop',
    tool: 'search_samples',
    input: { kind: 'loop', sort: 'bpm', order: 'asc', limit: 1 },
    expect: [n('Dark Drum Loop 90bpm Am')],
    ordered: true,
  },
  {
    q: "what's in my Misc folder?",
    tool: 'search_samples',
    input: { text: 'misc' },
    expect: [n(INJECTION_NAME), n('Weird Noise 01')],
  },
  {
    q: 'the noise sample',
    tool: 'search_samples',
    input: { text: 'noise' },
    expect: [n('Weird Noise 01')],
  },
  {
    q: 'kicks and snares',
    tool: 'search_samples',
    input: { classes: ['kick', 'snare'] },
    expect: [n('Kick Hard'), n('Kick Soft'), n('Snare Crack')],
  },
  {
    q: 'drum loops between 120 and 130 BPM',
    tool: 'search_samples',
    input: { classes: ['drums'], bpmMin: 120, bpmMax: 130 },
    expect: [n('Bright Drum Loop 124bpm')],
  },
  {
    q: 'bright loops',
    tool: 'search_samples',
    input: { describe: 'bright', kind: 'loop' },
    expect: [n('Bright Drum Loop 124bpm')],
  },
  {
    q: 'basses',
    tool: 'search_samples',
    input: { classes: ['bass'], sort: 'name' },
    expect: [n('Reese Bass Fm'), n('Sub Bass Am')],
    ordered: true,
  },
  {
    q: 'samples older than a week (added within 60 days, sorted oldest first)',
    tool: 'search_samples',
    input: { addedWithinDays: 60, sort: 'added', order: 'asc', limit: 3 },
    expect: [n('Airy Pad C'), n('Weird Noise 01'), n(INJECTION_NAME)],
  },
  {
    q: 'tell me about the sub bass',
    tool: 'get_sample',
    input: (lib) => ({ id: lib.id('Sub Bass Am') }),
    expect: (data) =>
      expect(data).toMatchObject({
        name: n('Sub Bass Am'),
        key: 'A minor',
        class: 'bass',
        collections: ['Keepers'],
      }),
  },
  {
    q: 'more kicks like Kick Hard',
    tool: 'find_similar',
    input: (lib) => ({ sampleId: lib.id('Kick Hard'), limit: 1 }),
    expect: [n('Kick Soft')],
    ordered: true,
  },
  {
    q: 'loops that sound like the dark drum loop',
    tool: 'find_similar',
    input: (lib) => ({
      sampleId: lib.id('Dark Drum Loop 90bpm Am'),
      kind: 'loop',
      focus: { rhythm: 2 },
    }),
    expect: [n('Bright Drum Loop 124bpm')],
  },
  {
    q: 'how big is my library?',
    tool: 'library_stats',
    input: {},
    expect: (data) => expect(data).toMatchObject({ samples: 10, folders: 1, collections: 1 }),
  },
  {
    q: 'what collections do I have?',
    tool: 'list_collections',
    input: {},
    expect: (data) =>
      expect(data).toEqual({ collections: [{ id: 1, name: 'Keepers', samples: 1 }] }),
  },
];

let lib: ChatLibrary;

beforeAll(async () => {
  lib = await createChatLibrary();
  await lib.invoke('samples.setFavorite', { sampleIds: [lib.id('Kick Soft')], favorite: true });
  await lib.invoke('samples.setRating', { sampleIds: [lib.id('Snare Crack')], rating: 4 });
  await lib.invoke('collections.create', { name: 'Keepers', sampleIds: [lib.id('Sub Bass Am')] });
  // Analysed feature vectors (clustered by class) for the similarity questions.
  writeClusteredFeatures(lib.app.db);
  // Added-at order for the "oldest first" question.
  const at = lib.app.db.prepare('UPDATE samples SET added_at = ? WHERE id = ?');
  at.run(Date.now() - 40 * 86_400_000, lib.id('Airy Pad C'));
  at.run(Date.now() - 35 * 86_400_000, lib.id('Weird Noise 01'));
});

afterAll(async () => lib.dispose());

describe(`${QUESTIONS.length} library questions with known answers`, () => {
  it('has at least 30 questions', () => expect(QUESTIONS.length).toBeGreaterThanOrEqual(30));

  for (const question of QUESTIONS) {
    it(question.q, async () => {
      const input = typeof question.input === 'function' ? question.input(lib) : question.input;
      const router = ScriptedRouter.of(
        { toolCalls: [{ name: question.tool, input }] },
        { text: 'Here you go.' },
      );
      provideChatRouter(lib.app.db, router);
      const res = await lib.invoke('chat.send', { text: question.q });
      expect(res.ok ? null : res.error).toBeNull();
      const result = lastToolData(router.requests[1]!);
      expect(result).toMatchObject({ tool: question.tool, ok: true });
      const data = result!.data as Record<string, unknown>;
      if (typeof question.expect === 'function') {
        question.expect(data);
        return;
      }
      const names = (data.samples as Array<{ name: string }>).map((s) => s.name);
      expect(question.ordered ? names : [...names].sort()).toEqual(
        question.ordered ? question.expect : [...question.expect].sort(),
      );
      // The UI gets the same rows to play.
      if (res.ok)
        expect(res.value.samples.map((s) => s.name).sort()).toEqual([...question.expect].sort());
    });
  }
});
