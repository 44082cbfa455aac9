import { describe, expect, it } from 'vitest';
import { listenFailure, parseWebArgs } from './webArgs';

describe('web mode flags', () => {
  it('reads the options', () => {
    expect(parseWebArgs(['--port', '8080', '--db', '/x/l.db', '--data-dir', '/d'], {})).toEqual({
      port: 8080,
      db: '/x/l.db',
      dataDir: '/d',
    });
    expect(parseWebArgs([], {})).toEqual({ port: 0 });
    expect(parseWebArgs(['--help'], {})).toBe('help');
  });

  it('explains `npm run web --port 18080` (npm kept the flag) only under npm run web', () => {
    const npm = { npm_lifecycle_event: 'web', npm_config_port: 'true' };
    expect(parseWebArgs(['18080'], npm)).toEqual({
      error:
        'npm took --port for itself: put the options after `--`, as in `npm run web -- --port 18080`',
    });
    expect(parseWebArgs([], { npm_lifecycle_event: 'web', npm_config_port: '9000' })).toMatchObject(
      {
        error: expect.stringContaining('npm run web -- --port 9000'),
      },
    );
    // The E2E suite starts the server under `npm test` with its flags right.
    expect(
      parseWebArgs(['--port', '0'], { npm_lifecycle_event: 'test:e2e', npm_config_port: 'x' }),
    ).toEqual({
      port: 0,
    });
  });

  it('turns each mistake into one line', () => {
    expect(parseWebArgs(['--port', 'abc'], {})).toEqual({
      error: '--port takes a port number (1-65535, or 0 for any free port), not "abc"',
    });
    expect(parseWebArgs(['--port', '70000'], {})).toHaveProperty('error');
    expect(parseWebArgs(['--prot', '1'], {})).toMatchObject({
      error: expect.stringMatching(/^unknown option --prot \(did you mean --port\?\)/),
    });
    expect(parseWebArgs(['stray'], {})).toMatchObject({
      error: 'unexpected argument "stray" (options start with --)',
    });
    expect(listenFailure(Object.assign(new Error('x'), { code: 'EADDRINUSE' }), 80)).toMatch(
      /^port 80 is in use/,
    );
    expect(listenFailure(Object.assign(new Error('x'), { code: 'EACCES' }), 80)).toMatch(
      /more privileges/,
    );
  });
});
