import { readSync } from 'node:fs';

/**
 * Random access to a file's bytes for the header parsers. The first bytes (the "head",
 * 64 KiB by default) are read once up front; `read` serves ranges inside the head from
 * it without copying and only touches the file for ranges outside it.
 */
export interface ByteSource {
  /** Size of the file in bytes. */
  readonly size: number;
  /** Bytes [0, head.length) of the file. */
  readonly head: Buffer;
  /**
   * Returns the bytes [offset, offset + length) clipped to the end of the file (so the
   * result may be shorter than asked for; empty past the end). The returned buffer may
   * share memory with the head: copy out what must outlive the probe.
   */
  read(offset: number, length: number): Buffer;
}

/** Reads outside the head fetch at least this much, so that walking small chunks near each other (WAV/AIFF chunks after the audio) costs one system call, not one per chunk. */
const WINDOW = 4096;

/** A source over an open file descriptor whose first bytes are already in `head`. */
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

/** A source over bytes in memory (used by tests, and for data already read). */
export function bufferSource(bytes: Buffer, headLength = 65_536): ByteSource {
  const head = bytes.subarray(0, Math.min(bytes.length, headLength));
  return {
    size: bytes.length,
    head,
    read(offset, length) {
      const start = Math.max(0, offset);
      const end = Math.min(bytes.length, start + Math.max(0, length));
      return end <= start ? bytes.subarray(0, 0) : bytes.subarray(start, end);
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
