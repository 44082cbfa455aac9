import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { AnalysisQueue, MAX_ATTEMPTS } from './analysisQueue';
import { seedSamples } from './test-support/seedSamples';

function setup(n = 5) {
  const db = openDatabase(':memory:');
  const ids = seedSamples(
    db,
    Array.from({ length: n }, (_, i) => `/lib/s${i}.wav`),
  );
  return { db, ids, queue: new AnalysisQueue(db) };
}

const status = (db: ReturnType<typeof openDatabase>, id: number) =>
  db.prepare('SELECT analysis_status FROM samples WHERE id = ?').pluck().get(id);

describe('AnalysisQueue', () => {
  it('claims in priority then insertion order and marks the claimed running', () => {
    const { db, ids, queue } = setup();
    expect(queue.prioritize([ids[3]!])).toBe(1);
    const first = queue.claim(2);
    expect(first.map((c) => c.sampleId)).toEqual([ids[3], ids[0]]);
    expect(first[0]).toMatchObject({ path: '/lib/s3.wav', priority: 100 });
    expect(status(db, ids[3]!)).toBe('running');
    expect(queue.counts()).toEqual({ queued: 3, running: 2, done: 0, failed: 0 });
    expect(queue.claim(10).map((c) => c.sampleId)).toEqual([ids[1], ids[2], ids[4]]);
    expect(queue.claim(10)).toEqual([]);
    expect(queue.claim(0)).toEqual([]);
  });

  it('passes name hints and embedded metadata, skips missing files', () => {
    const { db, ids, queue } = setup(2);
    db.prepare(
      `UPDATE samples SET name_hints_json = '{"bpm":120}', embedded_json = 'not json' WHERE id = ?`,
    ).run(ids[0]);
    db.prepare('UPDATE samples SET missing = 1 WHERE id = ?').run(ids[1]);
    const claimed = queue.claim(5);
    expect(claimed).toEqual([
      { sampleId: ids[0], path: '/lib/s0.wav', priority: 0, hints: { bpm: 120 } },
    ]);
  });

  it('release puts claimed samples back in the queue', () => {
    const { db, ids, queue } = setup(2);
    queue.claim(2);
    queue.release([ids[1]!]);
    expect(status(db, ids[1]!)).toBe('pending');
    expect(queue.counts()).toMatchObject({ queued: 1, running: 1 });
    expect(queue.claim(5).map((c) => c.sampleId)).toEqual([ids[1]]);
    queue.release([]);
  });

  it('recover requeues what a crashed run left running and fails a file that keeps crashing', () => {
    const { db, ids, queue } = setup(3);
    queue.claim(3);
    db.prepare('UPDATE analysis_queue SET attempts = ?, started = 1 WHERE sample_id = ?').run(
      MAX_ATTEMPTS,
      ids[2],
    );
    // A pending sample that lost its queue row is added back too.
    db.prepare('DELETE FROM analysis_queue WHERE sample_id = ?').run(ids[1]);
    db.prepare(`UPDATE samples SET analysis_status = 'pending' WHERE id = ?`).run(ids[1]);
    expect(queue.recover()).toEqual({ requeued: 1, failed: 1 });
    expect(status(db, ids[0]!)).toBe('pending');
    expect(status(db, ids[2]!)).toBe('failed');
    expect(
      db.prepare('SELECT analysis_error_code FROM samples WHERE id = ?').pluck().get(ids[2]),
    ).toBe('INTERNAL');
    expect(queue.counts()).toEqual({ queued: 2, running: 0, done: 0, failed: 1 });
  });

  it('re-analysis of an analysed sample keeps it done while it waits', () => {
    const { db, ids, queue } = setup(1);
    db.prepare(
      `UPDATE samples SET analysis_status = 'done', analyzed_at = 1, analysis_version = 1000000 WHERE id = ?`,
    ).run(ids[0]);
    db.prepare('DELETE FROM analysis_queue').run();
    expect(queue.enqueueOutdated(1_000_000)).toBe(0);
    expect(queue.enqueueOutdated(1_001_000)).toBe(1);
    queue.claim(1);
    expect(status(db, ids[0]!)).toBe('running');
    queue.recover();
    expect(status(db, ids[0]!)).toBe('done');
  });

  it('retryFailed, enqueue with priority and cancel', () => {
    const { db, ids, queue } = setup(3);
    db.prepare(
      `UPDATE samples SET analysis_status = 'failed', analysis_error_code = 'CORRUPT_FILE' WHERE id = ?`,
    ).run(ids[0]);
    db.prepare('DELETE FROM analysis_queue WHERE sample_id = ?').run(ids[0]);
    expect(queue.retryFailed()).toEqual([ids[0]]);
    expect(status(db, ids[0]!)).toBe('pending');
    expect(queue.enqueue([ids[2]!], 50)).toBe(1);
    expect(queue.claim(1)[0]?.sampleId).toBe(ids[2]);
    expect(queue.cancel([ids[0]!])).toBe(1);
    expect(queue.counts()).toMatchObject({ queued: 1, running: 1 });
    expect(queue.cancel()).toBe(1);
    expect(queue.counts()).toMatchObject({ queued: 0, running: 1 });
    db.prepare('UPDATE samples SET missing = 1 WHERE id = ?').run(ids[1]);
    expect(queue.enqueueAll()).toBe(1); // ids[0]; ids[2] is running, ids[1] is missing
    expect(queue.counts()).toMatchObject({ queued: 1, running: 1 });
  });

  it('gives a strike only to the file a worker was analysing when its process died', () => {
    const { db, ids } = setup(4);
    // Three hard kills, each with every file claimed but only ids[1] begun by a worker.
    for (let kill = 0; kill < MAX_ATTEMPTS; kill++) {
      const dead = new AnalysisQueue(db, { pid: 1_000_000 + kill, alive: () => false });
      dead.claim(4);
      dead.markStarted(ids[1]!);
      new AnalysisQueue(db, { pid: 2_000_000, alive: () => false }).recover();
    }
    expect(status(db, ids[1]!)).toBe('failed');
    for (const id of [ids[0]!, ids[2]!, ids[3]!]) expect(status(db, id)).toBe('pending');
    expect(db.prepare('SELECT max(attempts) FROM analysis_queue').pluck().get()).toBe(0);
  });

  it('release takes back the strike of a started file (cancelled, paused), not of a waiting one', () => {
    const { db, ids, queue } = setup(2);
    queue.claim(2);
    queue.markStarted(ids[0]!);
    const attempts = () =>
      db.prepare('SELECT attempts FROM analysis_queue ORDER BY sample_id').pluck().all();
    expect(attempts()).toEqual([1, 0]);
    queue.release([ids[0]!, ids[1]!]);
    expect(attempts()).toEqual([0, 0]);
  });

  it('recover leaves the claims of a live process alone (the app and the CLI on one library)', () => {
    const { db, ids } = setup(3);
    const app = new AnalysisQueue(db, { pid: 111, alive: () => true });
    const cli = new AnalysisQueue(db, { pid: 222, alive: (pid) => pid === 111 });
    expect(app.claim(2).map((c) => c.sampleId)).toEqual([ids[0], ids[1]]);
    app.markStarted(ids[0]!);
    expect(cli.recover()).toEqual({ requeued: 0, failed: 0 });
    expect(status(db, ids[0]!)).toBe('running');
    expect(cli.claim(5).map((c) => c.sampleId)).toEqual([ids[2]]);
    // The app dies: the CLI's next start takes its items back, the begun one with a strike.
    const later = new AnalysisQueue(db, { pid: 333, alive: () => false });
    expect(later.recover()).toEqual({ requeued: 3, failed: 0 });
    expect(
      db.prepare('SELECT attempts FROM analysis_queue WHERE sample_id = ?').pluck().get(ids[0]),
    ).toBe(1);
  });

  it('tries a file that was being analysed when a process died after the others', () => {
    const { db, ids, queue } = setup(3);
    const dead = new AnalysisQueue(db, { pid: 1_000_001, alive: () => false });
    dead.claim(1);
    dead.markStarted(ids[0]!);
    queue.recover();
    expect(queue.claim(3).map((c) => c.sampleId)).toEqual([ids[1], ids[2], ids[0]]);
  });
});
