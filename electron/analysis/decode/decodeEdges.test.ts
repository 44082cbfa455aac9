import { describe, expect, it, afterAll } from 'vitest';
import { AppError } from '../../../shared/result';
import { openAudioBytes } from './openAudio';
import { writeAiff, writeWav } from '../test-support/writeAudio';
import { sine } from '../test-support/signals';
import { decodeAll } from '../test-support/decodeAll';
import { ffmpegEncode, tempDir } from '../test-support/tempFiles';
import { readFileSync } from 'node:fs';
import { openAudio } from './openAudio';
import { defaultLayout, flacLayout, layoutFromMask, vorbisLayout } from './channelLayout';
import { decodePcm, pcmCodecName } from '../../../shared/formats/pcm';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function code(bytes: Uint8Array): Promise<string> {
  try {
    const s = await openAudioBytes(bytes);
    await decodeAll(s);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('container edge cases', () => {
  it('rejects other RIFF, MP4, ADTS and unknown Ogg streams', async () => {
    expect(await code(ascii('RIFF\x10\x00\x00\x00AVI LIST0000'))).toBe('NOT_AUDIO');
    expect(await code(ascii('\x00\x00\x00\x20ftypM4A 0000000000'))).toBe('UNSUPPORTED_FORMAT');
    // Two ADTS frames of 7 bytes each.
    const adts = [0xff, 0xf1, 0x50, 0x80, 0x00, 0xff, 0xfc];
    expect(await code(new Uint8Array([...adts, ...adts]))).toBe('UNSUPPORTED_FORMAT');
    const small = tmp.file(
      'o.wav',
      writeWav({ sampleRate: 48000, channels: [sine(440, 0.2, 48000)] }),
    );
    const opus = ffmpegEncode(small, `${tmp.dir}/a.opus`, ['-c:a', 'libopus']);
    expect(await code(readFileSync(opus))).toBe('UNSUPPORTED_FORMAT');
    expect(await code(ascii('fLaC\x01\x00\x00\x00'))).toBe('TRUNCATED_FILE');
    expect(await code(ascii('fLaC\x01\x00\x00\x00'.padEnd(64, '\x00')))).toBe('CORRUPT_FILE');
  });

  it('handles AIFF without COMM, without SSND, with odd sizes', async () => {
    const aiff = writeAiff({ sampleRate: 44100, channels: [sine(440, 0.1, 44100)], bits: 16 });
    // COMM renamed: no COMM chunk anywhere.
    const noComm = aiff.slice();
    noComm.set(ascii('XXXX'), 12);
    expect(await code(noComm)).toBe('CORRUPT_FILE');
    // SSND renamed: COMM says frames exist but there is no audio chunk.
    const noSsnd = aiff.slice();
    noSsnd.set(ascii('YYYY'), 12 + 8 + 18);
    expect(await code(noSsnd)).toBe('CORRUPT_FILE');
    const zeroRate = aiff.slice();
    zeroRate.fill(0, 12 + 8 + 8, 12 + 8 + 18);
    expect(await code(zeroRate)).toBe('CORRUPT_FILE');
    const noChannels = aiff.slice();
    noChannels[20] = 0;
    noChannels[21] = 0;
    expect(await code(noChannels)).toBe('CORRUPT_FILE');
    const empty = writeAiff({ sampleRate: 44100, channels: [new Float32Array(0)], bits: 16 });
    const s = await openAudioBytes(empty);
    expect(s.info.declaredFrames).toBe(0);
    const odd = writeAiff({ sampleRate: 8000, channels: [sine(100, 0.01, 8000)], bits: 16 });
    odd[12 + 8 + 7] = 12; // 12-bit samples in 16-bit containers
    expect(await code(odd)).toBe('ok');
    const bits40 = writeAiff({ sampleRate: 8000, channels: [sine(100, 0.01, 8000)], bits: 16 });
    bits40[12 + 8 + 7] = 40;
    expect(await code(bits40)).toBe('CORRUPT_FILE');
  });

  it('handles WAV oddities: big-endian RIFX, 12-bit float, 20-bit, wrong blockAlign, data before fmt', async () => {
    const wav = writeWav({ sampleRate: 8000, channels: [sine(100, 0.05, 8000)], encoding: 's16' });
    const f12 = wav.slice();
    new DataView(f12.buffer).setUint16(20, 3, true);
    expect(await code(f12)).toBe('CORRUPT_FILE');
    // A block align that is no sample container size is corrected (the header parser warns).
    const badAlign = wav.slice();
    new DataView(badAlign.buffer).setUint16(32, 7, true);
    const s = await openAudioBytes(badAlign);
    expect(s.info.codec).toBe('pcm_s16le');
    expect((await decodeAll(s))[0]?.length).toBe(400);
    const bits20 = writeWav({
      sampleRate: 8000,
      channels: [sine(100, 0.05, 8000)],
      encoding: 's24',
    });
    new DataView(bits20.buffer).setUint16(34, 20, true);
    expect(await code(bits20)).toBe('ok');
    const b48 = wav.slice();
    new DataView(b48.buffer).setUint16(34, 48, true);
    new DataView(b48.buffer).setUint16(32, 6, true);
    expect(await code(b48)).toBe('UNSUPPORTED_FORMAT');
    // data chunk first, then fmt
    const fmt = wav.subarray(12, 36);
    const data = wav.subarray(36);
    const swapped = new Uint8Array(wav.length);
    swapped.set(wav.subarray(0, 12));
    swapped.set(data, 12);
    swapped.set(fmt, 12 + data.length);
    const sw = await openAudioBytes(swapped);
    expect((await decodeAll(sw))[0]?.length).toBe(400);
    const ext = writeWav({
      sampleRate: 8000,
      channels: [sine(100, 0.05, 8000)],
      encoding: 's16',
      extensibleMask: 0x4,
    });
    expect(await code(ext.subarray(0, 50))).toBe('TRUNCATED_FILE');
  });

  it('reads large files with positional reads and Ogg FLAC', async () => {
    const big = tmp.file(
      'big.wav',
      writeWav({
        sampleRate: 48000,
        channels: [sine(100, 30, 48000, 0.3), sine(200, 30, 48000, 0.3)],
        encoding: 's24',
      }),
    );
    const src = await openAudio(big);
    let frames = 0;
    for await (const b of src.blocks()) frames += b.frames;
    await src.close();
    await src.close();
    expect(frames).toBe(30 * 48000);
    const small = tmp.file(
      's.wav',
      writeWav({ sampleRate: 44100, channels: [sine(440, 1, 44100)] }),
    );
    const oggFlac = ffmpegEncode(small, `${tmp.dir}/a.oga`, ['-c:a', 'flac', '-f', 'ogg']);
    const of = await openAudio(oggFlac);
    expect(of.info).toMatchObject({ format: 'ogg', codec: 'flac' });
    expect((await decodeAll(of))[0]?.length).toBe(44100);
    expect(readFileSync(oggFlac).length).toBeGreaterThan(0);
  });
});

describe('layouts and header helpers', () => {
  it('maps channel layouts', () => {
    expect(defaultLayout(9)).toHaveLength(9);
    expect(defaultLayout(9)[8]).toBe('OTHER');
    expect(flacLayout(4)).toEqual(['FL', 'FR', 'BL', 'BR']);
    expect(vorbisLayout(6)).toEqual(['FL', 'FC', 'FR', 'BL', 'BR', 'LFE']);
    expect(layoutFromMask(0, 2)).toEqual(['FL', 'FR']);
    expect(layoutFromMask(0x603, 4)).toEqual(['FL', 'FR', 'SL', 'SR']);
    expect(layoutFromMask(0x1, 2)).toEqual(['FL', 'OTHER']);
  });

  it('decodes signed 8-bit and big-endian PCM and names codecs', () => {
    const out = [new Float32Array(2)];
    decodePcm(
      new Uint8Array([0x40, 0xc0]),
      { sampleFormat: 'int', bytesPerSample: 1, bigEndian: true },
      1,
      2,
      out,
    );
    expect(Array.from(out[0] as Float32Array)).toEqual([0.5, -0.5]);
    expect(() =>
      decodePcm(
        new Uint8Array(1),
        { sampleFormat: 'int', bytesPerSample: 2, bigEndian: false },
        1,
        2,
        out,
      ),
    ).toThrow(RangeError);
    expect(() =>
      decodePcm(
        new Uint8Array(8),
        { sampleFormat: 'int', bytesPerSample: 2, bigEndian: false },
        2,
        2,
        out,
      ),
    ).toThrow(RangeError);
    expect(pcmCodecName({ sampleFormat: 'int', bytesPerSample: 1, bigEndian: true })).toBe(
      'pcm_s8',
    );
    expect(pcmCodecName({ sampleFormat: 'float', bytesPerSample: 8, bigEndian: true })).toBe(
      'pcm_f64be',
    );
  });
});
