import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { id3v2Bytes } from '../library/test-support/audioFixtures';
import { bufferSource } from '../../shared/formats/byteSource';
import { findFrameChain, frameChainAt, readMpegFrameHeader } from '../../shared/formats/mpegFrame';
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

/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, joint stereo: 417-byte frames of 1152 samples. */
const HEADER = [0xff, 0xfb, 0x90, 0x64];
const FRAME = 417;

function frames(count: number, first?: (frame: Buffer) => void): Buffer {
  const out = Buffer.alloc(count * FRAME, 0x55);
  for (let i = 0; i < count; i++) out.set(HEADER, i * FRAME);
  if (first) first(out.subarray(0, FRAME));
  return out;
}

/** Deterministic bytes without 0xFF (so no accidental frame syncs). */
function garbage(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (s >>> 16) % 255;
  }
  return out;
}

describe('MP3 (synthetic frames)', () => {
  it('CBR without a header: duration from size and bitrate', () => {
    const r = parse(frames(100));
    expect(r).toMatchObject({
      format: 'mp3',
      codec: 'mp3',
      sampleRate: 44_100,
      channels: 2,
      bitDepth: null,
      audioOffset: 0,
    });
    expect(r.audioLength).toBe(100 * FRAME);
    expect(r.durationSec).toBeCloseTo((100 * FRAME * 8) / 128_000, 4);
  });

  it('Xing frame count gives the VBR duration', () => {
    const bytes = frames(50, (f) => {
      f.write('Xing', 4 + 32, 'latin1');
      f.writeUInt32BE(0x1, 4 + 36);
      f.writeUInt32BE(1000, 4 + 40);
    });
    expect(parse(bytes).frames).toBe(1000 * 1152);
  });

  it('VBRI frame count gives the VBR duration', () => {
    const bytes = frames(50, (f) => {
      f.write('VBRI', 36, 'latin1');
      f.writeUInt32BE(777, 36 + 14);
    });
    expect(parse(bytes).frames).toBe(777 * 1152);
  });

  it('skips garbage before the first frame, with a warning', () => {
    const r = parse(Buffer.concat([garbage(1000), frames(40)]));
    expect(r.audioOffset).toBe(1000);
    expect(r.warnings).toEqual(['1000 bytes of non-audio data before the first MPEG frame']);
  });

  it('ID3v2 tag, zero padding miscounted by the tagger, then frames', () => {
    const tag = id3v2Bytes({ TBPM: '140', TIT2: 'Tagged' });
    const r = parse(Buffer.concat([tag, Buffer.alloc(300), frames(20)]));
    expect(r).toMatchObject({
      audioOffset: tag.length + 300,
      embedded: { bpm: 140, title: 'Tagged' },
      warnings: [],
    });
    const junk = parse(Buffer.concat([tag, garbage(300), frames(20)]));
    expect(junk.warnings[0]).toMatch(/300 bytes of non-audio data between the ID3 tag/);
  });

  it('follows stacked ID3v2 tags', () => {
    const r = parse(
      Buffer.concat([id3v2Bytes({ TIT2: 'one' }), id3v2Bytes({ TIT2: 'two' }), frames(10)]),
    );
    expect(r.embedded.title).toBe('one');
    expect(r.format).toBe('mp3');
  });

  it('an ID3 tag with an absurd size: ignored with a warning when frames follow, else corrupt', () => {
    const absurd = id3v2Bytes({ TIT2: 'big' }, { declaredSize: 0x0fffffff });
    const r = parse(Buffer.concat([absurd, frames(30)]));
    expect(r.format).toBe('mp3');
    expect(r.warnings[0]).toMatch(/ID3v2 tag declares .* more than the file holds/);
    expect(codeOf(() => parse(Buffer.concat([absurd, garbage(4000)])))).toBe('CORRUPT_FILE');
  });

  it('excludes ID3v1 and APEv2 tags at the end from the payload', () => {
    const v1 = Buffer.alloc(128);
    v1.write('TAG', 0, 'latin1');
    v1.write('End Title', 3, 'latin1');
    v1[127] = 255;
    const ape = Buffer.alloc(64);
    ape.write('APETAGEX', 32, 'latin1');
    ape.writeUInt32LE(64, 32 + 12); // tag size without header
    const r = parse(Buffer.concat([frames(20), ape, v1]));
    expect(r.audioLength).toBe(20 * FRAME);
    expect(r.embedded.title).toBe('End Title');
  });

  it('a single frame that ends the file counts; a lone sync in garbage does not', () => {
    expect(parse(frames(1)).format).toBe('mp3');
    const lone = Buffer.concat([Buffer.from(HEADER), garbage(5000)]);
    expect(codeOf(() => parse(lone))).toBe('NOT_AUDIO');
  });
});

describe('MPEG frame headers', () => {
  it('decodes versions, layers and lengths', () => {
    expect(readMpegFrameHeader(Buffer.from(HEADER), 0)).toMatchObject({
      version: 1,
      layer: 3,
      bitrate: 128,
      sampleRate: 44_100,
      channels: 2,
      frameLength: 417,
      samplesPerFrame: 1152,
    });
    // MPEG-2 layer III, 64 kbit/s, 22.05 kHz, mono, padded.
    expect(readMpegFrameHeader(Buffer.from([0xff, 0xf3, 0x82, 0xc4]), 0)).toMatchObject({
      version: 2,
      layer: 3,
      bitrate: 64,
      sampleRate: 22_050,
      channels: 1,
      frameLength: 209,
      samplesPerFrame: 576,
    });
    // MPEG-2.5 layer III 8 kHz.
    expect(readMpegFrameHeader(Buffer.from([0xff, 0xe3, 0x18, 0xc4]), 0)).toMatchObject({
      version: 2.5,
      sampleRate: 8000,
    });
    // Layer I and II.
    expect(readMpegFrameHeader(Buffer.from([0xff, 0xff, 0x90, 0x04]), 0)).toMatchObject({
      layer: 1,
      bitrate: 288,
      frameLength: 312,
    });
    expect(readMpegFrameHeader(Buffer.from([0xff, 0xfd, 0x90, 0x04]), 0)).toMatchObject({
      layer: 2,
      frameLength: 522,
    });
  });

  it('rejects reserved and free-format headers', () => {
    for (const h of [
      [0xff, 0xeb, 0x90, 0x64], // reserved version
      [0xff, 0xf9, 0x90, 0x64], // reserved layer
      [0xff, 0xfb, 0x00, 0x64], // free format
      [0xff, 0xfb, 0xf0, 0x64], // bad bitrate
      [0xff, 0xfb, 0x9c, 0x64], // reserved rate
      [0xff, 0xfb, 0x90, 0x66], // reserved emphasis
      [0xfe, 0xfb, 0x90, 0x64],
    ]) {
      expect(readMpegFrameHeader(Buffer.from(h), 0)).toBeNull();
    }
    expect(readMpegFrameHeader(Buffer.from(HEADER), 2)).toBeNull();
  });

  it('needs following frames to line up', () => {
    const good = frames(5);
    expect(frameChainAt(good, 0, 3)).not.toBeNull();
    const broken = frames(5);
    broken[FRAME + 1] = 0x00;
    expect(frameChainAt(broken, 0, 3)).toBeNull();
    expect(frameChainAt(good.subarray(0, FRAME + 10), 0, 3, 10_000)).toBeNull(); // cannot confirm
    expect(findFrameChain(Buffer.concat([garbage(50), good]), 0, 100, 3)).toBe(50);
    expect(findFrameChain(garbage(500), 0, 500, 3)).toBe(-1);
  });
});
