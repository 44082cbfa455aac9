import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { aiffBytes, id3v2Bytes, iffChunk, sine } from '../library/test-support/audioFixtures';
import { readExtended, writeExtended } from '../../shared/formats/ieeeExtended';
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

describe('AIFF / AIFF-C stream facts', () => {
  it.each([
    { bitDepth: 8, codec: 'pcm_s8' },
    { bitDepth: 16, codec: 'pcm_s16be' },
    { bitDepth: 24, codec: 'pcm_s24be' },
    { bitDepth: 32, codec: 'pcm_s32be' },
  ])('AIFF $codec', ({ bitDepth, codec }) => {
    const r = parse(aiffBytes({ sampleRate: 44_100, channels: 2, bitDepth, frames: 4410 }));
    expect(r).toMatchObject({
      format: 'aiff',
      codec,
      sampleRate: 44_100,
      channels: 2,
      bitDepth,
      frames: 4410,
    });
    expect(r.durationSec).toBeCloseTo(0.1, 9);
    expect(r.audioOffset).toBe(12 + 8 + 18 + 8 + 8);
    expect(r.audioLength).toBe(4410 * 2 * (bitDepth / 8));
    expect(r.warnings).toEqual([]);
  });

  it.each([
    { compression: 'NONE', codec: 'pcm_s16be', bitDepth: 16 },
    { compression: 'sowt', codec: 'pcm_s16le', bitDepth: 16 },
    { compression: 'fl32', codec: 'pcm_f32be', bitDepth: 32 },
    { compression: 'fl64', codec: 'pcm_f64be', bitDepth: 64 },
  ] as const)('AIFF-C $compression', ({ compression, codec, bitDepth }) => {
    const r = parse(
      aiffBytes({
        aifc: true,
        compression,
        samples: [sine(440, 0.05, 48_000)],
        sampleRate: 48_000,
      }),
    );
    expect(r).toMatchObject({ codec, bitDepth, frames: 2400, sampleRate: 48_000, channels: 1 });
  });

  it('reads odd sample rates from the 80-bit float', () => {
    for (const rate of [8000, 11_025, 22_254.54, 96_000, 192_000]) {
      const r = parse(aiffBytes({ sampleRate: rate, frames: 10 }));
      expect(r.sampleRate).toBeCloseTo(rate, 6);
    }
    const buf = Buffer.alloc(10);
    writeExtended(-44_100, buf, 0);
    expect(readExtended(buf, 0)).toBe(-44_100);
  });

  it('reads text chunks, an ID3 chunk, INST and Apple Loops basc', () => {
    const r = parse(
      aiffBytes({
        frames: 88_200,
        chunks: {
          name: 'Piano Loop',
          author: 'Me',
          annotation: 'recorded live',
          id3: id3v2Bytes({ TCON: 'Jazz', TIT2: 'id3 title' }),
          basc: { beats: 4, rootNote: 57, scale: 'minor', loopType: 'loop' },
        },
      }),
    );
    // 4 beats of 4/4 in 2 s = 120 BPM.
    expect(r.embedded).toEqual({
      bpm: 120,
      beats: 4,
      key: 'A minor',
      rootMidi: 57,
      oneShot: false,
      genre: 'Jazz',
      title: 'id3 title',
      artist: 'Me',
      comment: 'recorded live',
    });
  });

  it('reads a basc one-shot and an INST base note; ignores the default INST', () => {
    const oneShot = parse(
      aiffBytes({
        frames: 100,
        chunks: { basc: { beats: 1, rootNote: 40, loopType: 'one-shot' } },
      }),
    );
    expect(oneShot.embedded).toEqual({ oneShot: true, rootMidi: 40 });
    expect(parse(aiffBytes({ frames: 10, chunks: { inst: { baseNote: 45 } } })).embedded).toEqual({
      rootMidi: 45,
    });
    expect(parse(aiffBytes({ frames: 10, chunks: { inst: { baseNote: 60 } } })).embedded).toEqual(
      {},
    );
    expect(
      parse(
        aiffBytes({ frames: 10, chunks: { inst: { baseNote: 60, lowNote: 48, highNote: 72 } } }),
      ).embedded,
    ).toEqual({
      rootMidi: 60,
    });
  });

  it('reads metadata after SSND', () => {
    const r = parse(aiffBytes({ frames: 10, afterData: true, chunks: { name: 'after' } }));
    expect(r.embedded.title).toBe('after');
  });

  it('accepts an empty AIFF without SSND', () => {
    const bytes = aiffBytes({ frames: 0 });
    const noSsnd = Buffer.concat([bytes.subarray(0, 12 + 26)]);
    noSsnd.writeUInt32BE(noSsnd.length - 8, 4);
    expect(parse(noSsnd)).toMatchObject({ frames: 0, durationSec: 0, audioLength: 0 });
  });
});

describe('AIFF bad input', () => {
  it('COMM frames beyond the sound data: a warning, frames from the data', () => {
    const r = parse(aiffBytes({ frames: 100, declaredFrames: 1000 }));
    expect(r.frames).toBe(100);
    expect(r.warnings[0]).toMatch(/COMM declares 1000 frames/);
  });

  it('SSND cut short: a warning, frames from the real size', () => {
    const bytes = aiffBytes({ channels: 2, frames: 1000 });
    const r = parse(bytes.subarray(0, bytes.length - 2000));
    expect(r.frames).toBe(500);
    expect(r.warnings.join(' ')).toMatch(/SSND chunk declares/);
  });

  it.each([
    ['cut inside COMM', (b: Buffer) => b.subarray(0, 30), 'TRUNCATED_FILE'],
    ['cut after COMM', (b: Buffer) => b.subarray(0, 38), 'TRUNCATED_FILE'],
    ['cut inside the SSND header', (b: Buffer) => b.subarray(0, 50), 'TRUNCATED_FILE'],
  ])('%s → %s', (_name, cut, code) => {
    expect(codeOf(() => parse(cut(aiffBytes({ frames: 100 }))))).toBe(code);
  });

  it('rejects 0 channels, rate 0, 0 bits, a garbage chunk id, a missing COMM', () => {
    const zeroChannels = aiffBytes({ frames: 10 });
    zeroChannels.writeUInt16BE(0, 20);
    expect(codeOf(() => parse(zeroChannels))).toBe('CORRUPT_FILE');
    const zeroRate = aiffBytes({ frames: 10 });
    zeroRate.fill(0, 28, 38);
    expect(codeOf(() => parse(zeroRate))).toBe('CORRUPT_FILE');
    const zeroBits = aiffBytes({ frames: 10 });
    zeroBits.writeUInt16BE(0, 26);
    expect(codeOf(() => parse(zeroBits))).toBe('CORRUPT_FILE');
    const garbage = aiffBytes({ frames: 10 });
    garbage.write('\x00\x01\x02\x03', 12, 'latin1');
    expect(codeOf(() => parse(garbage))).toBe('CORRUPT_FILE');
    const noComm = Buffer.concat([
      Buffer.from('FORM\x00\x00\x00\x14AIFF', 'latin1'),
      iffChunk('SSND', Buffer.alloc(8)),
    ]);
    expect(codeOf(() => parse(noComm))).toBe('CORRUPT_FILE');
  });

  it('names unsupported AIFF-C compressions', () => {
    expect(() => parse(aiffBytes({ compression: 'ima4', frames: 10 }))).toThrow(
      /AIFF-C with IMA ADPCM/,
    );
    expect(codeOf(() => parse(aiffBytes({ compression: 'ulaw', frames: 10 })))).toBe(
      'UNSUPPORTED_FORMAT',
    );
    expect(() => parse(aiffBytes({ compression: 'QDM2', frames: 10 }))).toThrow(
      /compression "QDM2"/,
    );
  });
});
