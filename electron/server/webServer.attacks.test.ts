import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp } from '../app/test-support/testApp';
import { ATTACKS, isAlive, type Target } from './test-support/attacks';
import { startWebServer, type WebServer } from './webServer';

let app: ReturnType<typeof createTestApp>;
let server: WebServer;
let target: Target;

beforeEach(async () => {
  app = createTestApp();
  await app.start();
  const staticDir = join(app.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>SampleMind</title>');
  server = await startWebServer({ app, staticDir, token: 'attack-token' });
  target = { port: server.port, cookie: await sessionCookie(server), token: server.token };
});

afterEach(async () => {
  await server.close();
  await app.dispose();
});

async function sessionCookie(s: WebServer): Promise<string> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: `/?token=${s.token}`,
        headers: { host: `127.0.0.1:${s.port}` },
      },
      (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie']).split(';')[0]!);
      },
    )
      .on('error', reject)
      .end();
  });
}

describe('web mode under attack', () => {
  for (const attack of ATTACKS) {
    it(`refuses: ${attack.name}, and stays up`, async () => {
      const outcome = await attack.run(target);
      expect(outcome.refused, outcome.detail).toBe(true);
      expect(await isAlive(target)).toBe(true);
    });
  }
});
