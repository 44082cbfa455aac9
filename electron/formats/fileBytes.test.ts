import { closeSync, openSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../library/test-support/audioFixtures';
import { bufferSource } from '../../shared/formats/byteSource';
import { fdSource, readExactly } from './fileBytes';

const tmp = makeTempDir('samplemind-bytes-');
afterAll(() => tmp.cleanup());

const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => i % 251));

describe('byte sources', () => {
  it('fdSource serves the head from memory and the rest from the file, clipped to its end', () => {
    const path = tmp.write('bytes.bin', bytes);
    const fd = openSync(path, 'r');
    try {
      const src = fdSource(fd, bytes.length, bytes.subarray(0, 1000));
      expect(src.read(10, 5)).toEqual(bytes.subarray(10, 15));
      expect(src.read(990, 20)).toEqual(bytes.subarray(990, 1010));
      expect(src.read(5000, 8)).toEqual(bytes.subarray(5000, 5008));
      expect(src.read(5100, 8)).toEqual(bytes.subarray(5100, 5108)); // from the same window
      expect(src.read(19_990, 100)).toEqual(bytes.subarray(19_990));
      expect(src.read(25_000, 10).length).toBe(0);
      expect(src.read(-5, 3)).toEqual(bytes.subarray(0, 3));
      expect(src.read(100, -1).length).toBe(0);
      expect(readExactly(fd, 19_999, 10)).toEqual(bytes.subarray(19_999));
    } finally {
      closeSync(fd);
    }
  });

  it('bufferSource behaves the same over memory', () => {
    const src = bufferSource(bytes, 100);
    expect(src.head.length).toBe(100);
    expect(src.size).toBe(bytes.length);
    expect(src.read(19_990, 100)).toEqual(bytes.subarray(19_990));
    expect(src.read(30_000, 1).length).toBe(0);
  });
});
