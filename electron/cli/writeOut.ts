import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to stdout synchronously. `samplemind search | head`: when the reader has gone the
 * write fails with EPIPE at once, and `onClosed` runs before anything else is printed (a
 * process.stdout.write to a pipe reports EPIPE only later, after more output and hints).
 */
export function writeOut(text: string, onClosed: () => never, fd = 1): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') onClosed();
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5); // a non-blocking pipe is full: let the reader catch up
    }
  }
}
