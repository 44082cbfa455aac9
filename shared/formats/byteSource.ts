/**
 * Random access to a file's bytes for the header parsers. The first bytes (the "head",
 * 64 KiB by default) are read once up front; `read` serves ranges inside the head from
 * it without copying and only touches the file for ranges outside it. Pure: the file
 * adapter lives in electron/formats/fileBytes.ts; bytes in memory use `bufferSource`.
 */
export interface ByteSource {
  /** Size of the file in bytes. */
  readonly size: number;
  /** Bytes [0, head.length) of the file. */
  readonly head: Uint8Array;
  /**
   * Returns the bytes [offset, offset + length) clipped to the end of the file (so the
   * result may be shorter than asked for; empty past the end). The returned bytes may
   * share memory with the head: copy out what must outlive the parse.
   */
  read(offset: number, length: number): Uint8Array;
}

/** Bytes the parsers read up front: enough for every header we know but a few. */
export const HEAD_SIZE = 65_536;

/** A source over bytes in memory (tests, the renderer, and data already read). */
export function bufferSource(bytes: Uint8Array, headLength = HEAD_SIZE): ByteSource {
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
