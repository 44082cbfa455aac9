import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { aiffBytes, id3v2Bytes, makeTempDir, noise, wavBytes } from '../test-support/audioFixtures';
import { bufferSource } from '../../../shared/formats/byteSource';
import { parseStream } from '../../../shared/formats/parseStream';
import { formatFromExtension, probeFile } from './probe';

const tmp = makeTempDir('samplemind-probe-');
afterAll(() => tmp.cleanup());

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

function bytesOf(...parts: Array<string | number[] | Buffer>): Buffer {
  return Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );
}

/** A minimal FLAC: signature, STREAMINFO (last block), and a frame sync. */
function tinyFlac(): Buffer {
  const info = Buffer.alloc(34);
  info.writeUIntBE((44_100 << 4) | (0 << 1) | 0, 10, 3); // rate, channels-1, bps-1 high bit
  info[13] = (15 << 4) | 0; // bps-1 low bits = 15 → 16-bit; total samples high nibble
  info.writeUInt32BE(1000, 14);
  return bytesOf('fLaC', [0x80, 0, 0, 34], info, [0xff, 0xf8, 0, 0]);
}

describe('probeFile', () => {
  it('probes a WAV file and hashes its payload', () => {
    const path = tmp.write('kick.wav', wavBytes({ samples: [noise(4410)] }));
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'wav',
      codec: 'pcm_s16le',
      sampleRate: 44_100,
      channels: 1,
      frames: 4410,
    });
    expect(r.contentHash).toMatch(/^[0-9a-f]{40}$/);
    expect(r.warnings).toEqual([]);
  });

  it('decides the format by content and warns when the extension disagrees', () => {
    const flacInWav = probeFile(tmp.write('actually-flac.wav', tinyFlac()));
    expect(flacInWav.format).toBe('flac');
    expect(flacInWav.warnings[0]).toBe('extension .wav but content is FLAC');
    const aiffInWav = probeFile(tmp.write('AIFF.WAV', aiffBytes({ frames: 10 })));
    expect(aiffInWav.warnings[0]).toBe('extension .wav but content is AIFF');
    const noExt = probeFile(tmp.write('no-extension', wavBytes({ frames: 10 })));
    expect(noExt.warnings).toEqual([]);
  });

  it('reads files larger than the 64 KiB head', () => {
    const samples = [noise(200_000), noise(200_000, 0.5, 9)];
    const path = tmp.write(
      'big.wav',
      wavBytes({ samples, chunks: { afterData: true, list: { INAM: 'tail title' } } }),
    );
    const r = probeFile(path);
    expect(r).toMatchObject({ frames: 200_000, channels: 2, embedded: { title: 'tail title' } });
  });

  it('throws the bad-input codes', () => {
    expect(codeOf(() => probeFile(tmp.write('empty.wav', Buffer.alloc(0))))).toBe('EMPTY_FILE');
    expect(codeOf(() => probeFile(tmp.write('three.wav', 'RIF')))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => probeFile(tmp.write('three-text.wav', 'abc')))).toBe('NOT_AUDIO');
    expect(
      codeOf(() => probeFile(tmp.write('cut20.wav', wavBytes({ frames: 100 }).subarray(0, 20)))),
    ).toBe('TRUNCATED_FILE');
    expect(
      codeOf(() =>
        probeFile(tmp.write('notes.wav', 'These are my notes about samples.\n'.repeat(20))),
      ),
    ).toBe('NOT_AUDIO');
    expect(
      codeOf(() => probeFile(tmp.write('random.wav', Buffer.from(noise(30_000).buffer)))),
    ).toBe('NOT_AUDIO');
    expect(() => probeFile(tmp.write('text.wav', 'hello world, not audio'))).toThrow(
      /looks like a text file/,
    );
  });

  it('never takes random bytes or other file types for audio', () => {
    let seed = 12_345;
    const random = (n: number) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) {
        seed = (seed * 1_103_515_245 + 12_345) >>> 0;
        out[i] = seed >>> 24;
      }
      return out;
    };
    for (let i = 0; i < 100; i++) {
      expect(codeOf(() => parseStream(bufferSource(random(65_536))))).toBe('NOT_AUDIO');
    }
    const others = [
      bytesOf([0xff, 0xd8, 0xff, 0xe0], 'JFIF', random(4000)),
      bytesOf([0x89], 'PNG\r\n\x1a\n', random(4000)),
      bytesOf('%PDF-1.7\n', random(4000)),
      bytesOf('PK\x03\x04', random(4000)),
    ];
    for (const bytes of others)
      expect(codeOf(() => parseStream(bufferSource(bytes)))).toBe('NOT_AUDIO');
  });

  it('lets fs errors through unchanged', () => {
    expect(() => probeFile(join(tmp.path, 'missing.wav'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    mkdirSync(join(tmp.path, 'folder.wav'));
    expect(() => probeFile(join(tmp.path, 'folder.wav'))).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
  });

  it('maps extensions to formats', () => {
    expect(formatFromExtension('/a/b/Loop.AIF')).toBe('aiff');
    expect(formatFromExtension('x.opus')).toBe('ogg');
    expect(formatFromExtension('x.m4a')).toBeNull();
  });
});

describe('sniffing unsupported and non-audio content', () => {
  const parse = (bytes: Buffer) => parseStream(bufferSource(bytes));
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(64)]);

  it.each([
    ['M4A', bytesOf([0, 0, 0, 0x20], 'ftypM4A \0\0\0\0'), /MPEG-4 audio/],
    ['WMA', bytesOf([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0, 0xaa]), /WMA/],
    ['APE', bytesOf('MAC \x96\x0f\0\0'), /Monkey's Audio/],
    ['WavPack', bytesOf('wvpk'), /WavPack/],
    ['MIDI', bytesOf('MThd\0\0\0\x06\0\x01\0\x02\x01\xe0'), /MIDI file/],
    ['RIFF MIDI', bytesOf('RIFF\x10\0\0\0RMID'), /MIDI file \(RIFF RMID\)/],
    ['SoundFont', bytesOf('RIFF\x10\0\0\0sfbk'), /SoundFont/],
    ['CAF', bytesOf('caff\0\x01\0\0'), /CAF/],
    ['IFF 8SVX', bytesOf('FORM\0\0\0\x10' + '8SVX'), /8SVX/],
    ['Wave64', bytesOf('riff\x2e\x91\xcf\x11'), /Wave64/],
    ['Matroska', bytesOf([0x1a, 0x45, 0xdf, 0xa3]), /Matroska/],
  ])('%s → UNSUPPORTED_FORMAT naming it', (_name, bytes, message) => {
    expect(codeOf(() => parse(pad(bytes)))).toBe('UNSUPPORTED_FORMAT');
    expect(() => parse(pad(bytes))).toThrow(message);
  });

  it('recognises AAC in ADTS frames as unsupported, with or without an ID3 tag', () => {
    const frame = Buffer.alloc(100);
    frame.set([0xff, 0xf1, 0x50, 0x80, 0x0c, 0x80], 0); // 44.1 kHz, frame length 100
    const adts = Buffer.concat([frame, frame, frame]);
    adts.set([0xff, 0xf1, 0x50, 0x80, 0x0c, 0x80], 100);
    adts.set([0xff, 0xf1, 0x50, 0x80, 0x0c, 0x80], 200);
    expect(() => parse(adts)).toThrow(/AAC \(ADTS/);
    expect(() => parse(Buffer.concat([id3v2Bytes({ TIT2: 'x' }), adts]))).toThrow(/AAC \(ADTS/);
  });

  it('rejects other RIFF and IFF containers as not audio', () => {
    expect(codeOf(() => parse(pad(bytesOf('RIFF\x10\0\0\0AVI '))))).toBe('NOT_AUDIO');
    expect(codeOf(() => parse(pad(bytesOf('RIFF\x10\0\0\0WEBP'))))).toBe('NOT_AUDIO');
    expect(codeOf(() => parse(pad(bytesOf('FORM\x10\0\0\0ILBM'))))).toBe('NOT_AUDIO');
    expect(codeOf(() => parse(pad(bytesOf('RF64\x10\0\0\0WAVX'))))).toBe('NOT_AUDIO');
  });

  it('tiny files: truncated when they start like audio, else not audio', () => {
    expect(codeOf(() => parse(bytesOf('RIFF\0\0')))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(bytesOf('ID3')))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(bytesOf([0xff, 0xfb, 0x90])))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(bytesOf('hi')))).toBe('NOT_AUDIO');
  });

  it('an ID3 tag with nothing after it is truncated; with junk after it, corrupt', () => {
    expect(codeOf(() => parse(id3v2Bytes({ TIT2: 'only a tag' })))).toBe('TRUNCATED_FILE');
    const junk = Buffer.concat([id3v2Bytes({ TIT2: 'x' }), Buffer.alloc(5000, 0x41)]);
    expect(codeOf(() => parse(junk))).toBe('CORRUPT_FILE');
  });
});
