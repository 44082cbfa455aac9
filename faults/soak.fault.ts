/**
 * The web server, CLI imports and CLI analysis on one library at the same time, for
 * FAULTS_SOAK_SECONDS (20 s in CI; `npm run faults -- --soak` runs 120 s). No process may
 * die, every CLI run must succeed, the server must answer throughout, and at the end
 * nothing is lost or duplicated and every file is analysed.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkDb,
  cli,
  requireBuild,
  sleep,
  startWeb,
  stop,
  tempRoot,
  writeLibrary,
  writeResult,
  type Exit,
} from './support';

const SECONDS = Number(process.env.FAULTS_SOAK_SECONDS ?? 20);

beforeAll(() => requireBuild());

describe('one library, three processes', () => {
  it(`web server + CLI import + CLI analysis for ${SECONDS} s: nobody dies, nothing lost`, async () => {
    const root = tempRoot('sm-faults-soak-');
    const lib = join(root, 'lib');
    const dbFile = join(root, 'library.db');
    const files = writeLibrary(lib, 100);
    const web = await startWeb(root, dbFile);
    const end = Date.now() + SECONDS * 1000;
    const runs: Array<{ kind: string } & Exit> = [];
    let requests = 0;
    let failedRequests = 0;
    let round = 0;

    const importer = (async () => {
      while (Date.now() < end) {
        files.push(...writeLibrary(lib, 10, 100 + round++ * 10));
        const r = await cli(['import', lib, '--no-watch', '--db', dbFile], root).done;
        runs.push({ kind: 'import', ...r });
      }
    })();
    const analyser = (async () => {
      while (Date.now() < end) {
        const r = await cli(['analyze', '--library', '--db', dbFile], root).done;
        runs.push({ kind: 'analyze', ...r });
        await sleep(200);
      }
    })();
    const browser = (async () => {
      while (Date.now() < end) {
        requests++;
        try {
          const res = await fetch(`${web.url}/`, {
            headers: { cookie: `sm_session=${web.session}` },
          });
          if (res.status !== 200) failedRequests++;
          await res.arrayBuffer();
        } catch {
          failedRequests++;
        }
        await sleep(250);
      }
    })();
    await Promise.all([importer, analyser, browser]);
    const aliveAtEnd = !web.exited();
    // Finish the work, then stop the server the way a user does.
    const lastImport = await cli(['import', lib, '--no-watch', '--db', dbFile], root).done;
    const lastAnalysis = await cli(['analyze', '--library', '--db', dbFile], root).done;
    const serverStop = await stop(web.child);
    const db = checkDb(dbFile, files);
    const failedRuns = [
      ...runs,
      { kind: 'import', ...lastImport },
      { kind: 'analyze', ...lastAnalysis },
    ]
      .filter((r) => r.code !== 0)
      .map((r) => ({ kind: r.kind, code: r.code, signal: r.signal, stderr: r.stderr.slice(-800) }));
    const summary = {
      seconds: SECONDS,
      imports: runs.filter((r) => r.kind === 'import').length + 1,
      analyses: runs.filter((r) => r.kind === 'analyze').length + 1,
      requests,
      failedRequests,
      failedRuns,
      serverAliveAtEnd: aliveAtEnd,
      serverStop,
      serverErrors: web.stderr().slice(-2000),
      files: files.length,
      db,
    };
    writeResult(`soak-${SECONDS}s`, summary);
    expect(failedRuns).toEqual([]);
    expect(aliveAtEnd).toBe(true);
    expect(failedRequests).toBe(0);
    expect(serverStop).toBe('clean');
    expect(db.integrity).toBe('ok');
    expect(db.lost).toBe(0);
    expect(db.duplicated).toBe(0);
    expect(db.samples).toBe(files.length);
    expect(db.status).toEqual({ done: files.length });
    expect(db.queueRunning).toBe(0);
  });
});
