import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { id3v2Bytes } from '../library/test-support/audioFixtures';
import { bufferSource } from '../../shared/formats/byteSource';
import { parseStream } from '../../shared/formats/parseStream';

const parse = (bytes: Buffer) => parseStream(bufferSource(bytes));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

function streamInfo(rate: number, channels: number, bits: number, total: number): Buffer {
  const b = Buffer.alloc(34);
  b.writeUInt16BE(4096, 0);
  b.writeUInt16BE(4096, 2);
  b.writeUIntBE((rate << 4) | ((channels - 1) << 1) | ((bits - 1) >> 4), 10, 3);
  b[13] = (((bits - 1) & 0x0f) << 4) | Math.floor(total / 2 ** 32);
  b.writeUInt32BE(total % 2 ** 32, 14);
  return b;
}

function block(type: number, body: Buffer, last = false): Buffer {
  const h = Buffer.alloc(4);
  h[0] = (last ? 0x80 : 0) | type;
  h.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([h, body]);
}

function vorbisComment(fields: string[]): Buffer {
  const parts: Buffer[] = [u32(6), Buffer.from('vendor'), u32(fields.length)];
  for (const f of fields) parts.push(u32(Buffer.byteLength(f)), Buffer.from(f));
  return Buffer.concat(parts);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

const frames = Buffer.concat([Buffer.from([0xff, 0xf8, 0x69, 0x08]), Buffer.alloc(500, 1)]);

function flac(blocks: Buffer[], audio = frames): Buffer {
  return Buffer.concat([Buffer.from('fLaC'), ...blocks, audio]);
}

describe('FLAC (synthetic metadata)', () => {
  it('reads STREAMINFO and Vorbis comments; the payload starts after the last block', () => {
    const meta = [
      block(0, streamInfo(96_000, 2, 24, 96_000 * 3)),
      block(
        4,
        vorbisComment(['TBPM=87', 'Initial_Key=Abm', 'Album=Kit', 'COMMENT=nice', 'KEYWORDS=a;b']),
      ),
      block(1, Buffer.alloc(100_000), true), // PADDING bigger than the head
    ];
    const bytes = flac(meta);
    const r = parse(bytes);
    expect(r).toMatchObject({
      format: 'flac',
      codec: 'flac',
      sampleRate: 96_000,
      channels: 2,
      bitDepth: 24,
      frames: 288_000,
    });
    expect(r.durationSec).toBe(3);
    expect(r.embedded).toEqual({
      bpm: 87,
      key: 'G# minor',
      album: 'Kit',
      comment: 'nice',
      keywords: ['a', 'b'],
    });
    expect(r.audioOffset).toBe(bytes.length - frames.length);
    expect(r.audioLength).toBe(frames.length);
    expect(r.warnings).toEqual([]);
  });

  it('accepts a leading ID3v2 tag and merges its fields after the Vorbis comments', () => {
    const tag = id3v2Bytes({ TBPM: '99', TIT2: 'from id3' });
    const r = parse(
      Buffer.concat([
        tag,
        flac([
          block(0, streamInfo(44_100, 1, 16, 441)),
          block(4, vorbisComment(['BPM=100']), true),
        ]),
      ]),
    );
    expect(r.embedded).toEqual({ bpm: 100, title: 'from id3' });
    expect(r.audioOffset).toBe(tag.length + 4 + 38 + 4 + vorbisComment(['BPM=100']).length);
  });

  it('unknown length: frames and duration null, with a warning', () => {
    const r = parse(flac([block(0, streamInfo(44_100, 2, 16, 0), true)]));
    expect(r.frames).toBeNull();
    expect(r.durationSec).toBeNull();
    expect(r.warnings[0]).toMatch(/does not give the number of samples/);
  });

  it('warns when no frame sync follows the metadata', () => {
    const r = parse(
      flac([block(0, streamInfo(44_100, 2, 16, 100), true)], Buffer.alloc(100, 0x41)),
    );
    expect(r.warnings).toContain('no FLAC frame sync right after the metadata');
  });

  it('bad input', () => {
    const info = block(0, streamInfo(44_100, 2, 16, 100), true);
    expect(codeOf(() => parse(flac([info]).subarray(0, 20)))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(flac([info], Buffer.alloc(0))))).toBe('TRUNCATED_FILE');
    expect(
      codeOf(() => parse(flac([block(0, streamInfo(44_100, 2, 16, 100))], Buffer.alloc(0)))),
    ).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(flac([block(4, vorbisComment([]), true)])))).toBe('CORRUPT_FILE');
    expect(codeOf(() => parse(flac([block(0, streamInfo(0, 2, 16, 100), true)])))).toBe(
      'CORRUPT_FILE',
    );
    expect(codeOf(() => parse(flac([block(0, Buffer.alloc(20), true)])))).toBe('CORRUPT_FILE');
    expect(
      codeOf(() =>
        parse(flac([block(0, streamInfo(44_100, 2, 16, 100)), block(127, Buffer.alloc(4), true)])),
      ),
    ).toBe('CORRUPT_FILE');
  });

  it('tolerates a Vorbis comment block cut short inside', () => {
    const vc = vorbisComment(['TITLE=kept', 'ARTIST=dropped']);
    const broken = Buffer.concat([vc.subarray(0, vc.length - 4)]);
    broken.writeUInt32LE(2, 10); // still claims two comments
    const r = parse(flac([block(0, streamInfo(44_100, 1, 16, 10)), block(4, broken, true)]));
    expect(r.embedded).toEqual({ title: 'kept' });
  });
});
