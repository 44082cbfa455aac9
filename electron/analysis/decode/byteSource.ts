import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ByteSource } from './types';

/** Files up to this size are read whole in one synchronous call (faster for one-shots). */
export const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A ByteSource over a file. Small files are read whole at once; larger ones with
 * positional reads (no stream buffering), so memory stays bounded.
 */
export async function openFileBytes(path: string): Promise<ByteSource> {
  const fd = openSync(path, 'r');
  try {
    const { size, isDirectory } = fstatSyncSafe(fd);
    if (isDirectory) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
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

function fstatSyncSafe(fd: number): { size: number; isDirectory: boolean } {
  const st = fstatSync(fd);
  return { size: st.size, isDirectory: st.isDirectory() };
}

async function openLargeFile(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  let closed = false;
  try {
    const { size } = await handle.stat();
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
