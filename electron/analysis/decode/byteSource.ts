import { closeSync, constants, readSync } from 'node:fs';
import { notRegular, openRegularFileSync } from '../../formats/regularFile';
import { open } from 'node:fs/promises';
import type { ByteSource } from './types';

/** Files up to this size are read whole in one synchronous call (faster for one-shots). */
export const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A ByteSource over a file. Small files are read whole at once; larger ones with
 * positional reads (no stream buffering), so memory stays bounded.
 */
export async function openFileBytes(path: string): Promise<ByteSource> {
  // Only a regular file, opened without blocking: a FIFO would hang the worker in open(),
  // where even terminate() cannot reach it.
  const { fd, stats } = openRegularFileSync(path);
  try {
    const size = stats.size;
    if (size <= SMALL_FILE_BYTES) {
      const buf = Buffer.allocUnsafe(size);
      let got = 0;
      while (got < size) {
        const n = readSync(fd, buf, got, size - got, got);
        if (n === 0) break;
        got += n;
      }
      return memoryBytes(got === size ? buf : buf.subarray(0, got));
    }
  } finally {
    closeSync(fd);
  }
  return openLargeFile(path);
}

async function openLargeFile(path: string): Promise<ByteSource> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let closed = false;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notRegular(st);
    const { size } = st;
    return {
      size,
      async read(offset: number, length: number): Promise<Uint8Array> {
        const want = Math.max(0, Math.min(length, size - offset));
        const buf = Buffer.allocUnsafe(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await handle.read(buf, got, want - got, offset + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === want ? buf : buf.subarray(0, got);
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A ByteSource over bytes already in memory. */
export function memoryBytes(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.max(0, Math.min(offset, bytes.length));
      return Promise.resolve(bytes.subarray(start, Math.min(bytes.length, start + length)));
    },
    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
