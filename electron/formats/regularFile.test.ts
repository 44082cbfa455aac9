import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRegularFileSync } from './regularFile';

const dir = mkdtempSync(join(tmpdir(), 'sm-regular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openRegularFileSync', () => {
  it('opens a regular file (also through a link)', () => {
    writeFileSync(join(dir, 'a.wav'), 'RIFF');
    symlinkSync(join(dir, 'a.wav'), join(dir, 'link.wav'));
    for (const name of ['a.wav', 'link.wav']) {
      const { fd, stats } = openRegularFileSync(join(dir, name));
      expect(stats.size).toBe(4);
      closeSync(fd);
    }
  });

  it('refuses a FIFO and a device without blocking, and a folder as EISDIR', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.wav')]);
    expect(() => openRegularFileSync(join(dir, 'pipe.wav'))).toThrow(
      expect.objectContaining({ code: 'NOT_REGULAR_FILE', message: expect.stringMatching(/FIFO/) }),
    );
    expect(() => openRegularFileSync('/dev/zero')).toThrow(
      expect.objectContaining({ code: 'NOT_REGULAR_FILE' }),
    );
    expect(() => openRegularFileSync(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
