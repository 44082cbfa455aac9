/**
 * Hostile requests against the real web server process (dist/electron/server.js):
 * each must be refused, and the process must still be running and serving afterwards.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS, isAlive } from '../electron/server/test-support/attacks';
import { requireBuild, startWeb, stop, tempRoot, writeLibrary, writeResult } from './support';

beforeAll(() => requireBuild());

describe('web server attacks', () => {
  it('refuses every one and stays up after each', async () => {
    const root = tempRoot('sm-faults-web-');
    writeLibrary(join(root, 'lib'), 5);
    const web = await startWeb(root, join(root, 'library.db'));
    const target = { port: web.port, cookie: `sm_session=${web.session}`, token: web.token };
    const rows: Array<{ attack: string; refused: boolean; detail: string; aliveAfter: boolean }> =
      [];
    try {
      for (const attack of ATTACKS) {
        const outcome = await attack.run(target);
        const aliveAfter = !web.exited() && (await isAlive(target));
        rows.push({ attack: attack.name, ...outcome, aliveAfter });
      }
    } finally {
      await stop(web.child);
    }
    const summary = {
      tried: rows.length,
      refused: rows.filter((r) => r.refused).length,
      aliveAfterEach: rows.every((r) => r.aliveAfter),
      rows,
      serverErrors: web.stderr().slice(-2000),
    };
    writeResult('web-attacks', summary);
    expect(rows.filter((r) => !r.refused)).toEqual([]);
    expect(rows.filter((r) => !r.aliveAfter)).toEqual([]);
  });
});
