import { closeSync, readSync } from 'node:fs';
import { bufferSource, HEAD_SIZE, type ByteSource } from '../../shared/formats/byteSource';
import { openRegularFileSync } from './regularFile';

/** Reads outside the head fetch at least this much, so that walking small chunks near each other (WAV/AIFF chunks after the audio) costs one system call, not one per chunk. */
const WINDOW = 4096;

/** A ByteSource (shared/formats) over an open file descriptor whose first bytes are already in `head`. */
export function fdSource(fd: number, size: number, head: Buffer): ByteSource {
  let window: Buffer | null = null;
  let windowStart = 0;
  return {
    size,
    head,
    read(offset, length) {
      const start = Math.max(0, offset);
      const end = Math.min(size, start + Math.max(0, length));
      if (end <= start) return head.subarray(0, 0);
      if (end <= head.length) return head.subarray(start, end);
      if (window !== null && start >= windowStart && end <= windowStart + window.length) {
        return window.subarray(start - windowStart, end - windowStart);
      }
      window = readExactly(
        fd,
        start,
        Math.min(size, start + Math.max(end - start, WINDOW)) - start,
      );
      windowStart = start;
      return window.subarray(0, Math.min(end - start, window.length));
    },
  };
}

/** Reads up to `length` bytes at `position`, looping over short reads; stops at end of file. */
export function readExactly(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  const got = readInto(fd, buf, length, position);
  return got === length ? buf : buf.subarray(0, got);
}

/** Fills `buf[0, length)` from `position`, looping over short reads; returns the bytes read. */
export function readInto(fd: number, buf: Buffer, length: number, position: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Files up to this size are read whole in one call (faster for one-shots, the common case). */
export const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/** A ByteSource over an opened regular file, with its stats; `close` releases it (twice is safe). */
export interface FileSource extends ByteSource {
  readonly mtimeMs: number;
  close(): void;
}

/**
 * Opens a regular file (never a FIFO or device: see regularFile.ts) as a ByteSource.
 * Small files are read whole; larger ones keep the descriptor and read positionally,
 * so memory stays bounded.
 */
export function openFileSource(path: string): FileSource {
  const { fd, stats } = openRegularFileSync(path);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  try {
    const size = stats.size;
    if (size <= SMALL_FILE_BYTES) {
      const whole = readExactly(fd, 0, size);
      close();
      return { ...bufferSource(whole), mtimeMs: stats.mtimeMs, close };
    }
    const head = readExactly(fd, 0, HEAD_SIZE);
    return { ...fdSource(fd, size, head), mtimeMs: stats.mtimeMs, close };
  } catch (error) {
    close();
    throw error;
  }
}
