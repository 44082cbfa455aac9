import { describe, expect, it, afterAll } from 'vitest';
import { writeFileSync, truncateSync, readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/result';
import { bufferSource } from '../../../shared/formats/byteSource';
import { headerFactsOf } from '../../../shared/formats/headerFacts';
import { parseStream } from '../../../shared/formats/parseStream';
import { headerParseCount, openAudio, openAudioBytes } from './openAudio';
import { decodeAll } from '../test-support/decodeAll';
import { sine, whiteNoise } from '../test-support/signals';
import { writeAiff, writeWav, type WavEncoding } from '../test-support/writeAudio';
import { tempDir, ffmpegEncode } from '../test-support/tempFiles';

const sr = 44100;
const left = sine(441, 0.5, sr, 0.5);
const right = sine(882, 0.5, sr, 0.25);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

function maxErr(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

describe('WAV decoding', () => {
  const cases: Array<[WavEncoding, number, string]> = [
    ['u8', 1 / 64, 'pcm_u8'],
    ['s16', 1 / 16000, 'pcm_s16le'],
    ['s24', 1e-6, 'pcm_s24le'],
    ['s32', 1e-6, 'pcm_s32le'],
    ['f32', 1e-7, 'pcm_f32le'],
    ['f64', 1e-7, 'pcm_f64le'],
  ];
  it.each(cases)('round-trips %s stereo', async (encoding, tol, codec) => {
    const bytes = writeWav({ sampleRate: sr, channels: [left, right], encoding });
    const src = await openAudioBytes(bytes);
    expect(src.info).toMatchObject({
      format: 'wav',
      codec,
      sampleRate: sr,
      channels: 2,
      declaredFrames: left.length,
    });
    const [l, r] = await decodeAll(src);
    expect(l?.length).toBe(left.length);
    expect(maxErr(l as Float32Array, left)).toBeLessThan(tol);
    expect(maxErr(r as Float32Array, right)).toBeLessThan(tol);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with a 5.1 channel mask', async () => {
    const chans = Array.from({ length: 6 }, (_, c) =>
      sine(200 + c * 100, 0.1, 48000, 0.1 * (c + 1)),
    );
    const bytes = writeWav({
      sampleRate: 48000,
      channels: chans,
      encoding: 's24',
      extensibleMask: 0x3f,
    });
    const src = await openAudioBytes(bytes);
    expect(src.info.layout).toEqual(['FL', 'FR', 'FC', 'LFE', 'BL', 'BR']);
    expect(src.info.bitDepth).toBe(24);
    const out = await decodeAll(src);
    expect(out).toHaveLength(6);
    expect(maxErr(out[5] as Float32Array, chans[5] as Float32Array)).toBeLessThan(1e-6);
  });

  it('reads RF64 and extra chunks before data', async () => {
    const bytes = writeWav({
      sampleRate: 96000,
      channels: [left],
      encoding: 'f32',
      rf64: true,
      chunksBefore: [['LIST', new Uint8Array(13)]],
    });
    const src = await openAudioBytes(bytes);
    expect(src.info.sampleRate).toBe(96000);
    const [m] = await decodeAll(src);
    expect(maxErr(m as Float32Array, left)).toBe(0);
  });

  it('decodes 8-channel files in many blocks from disk', async () => {
    const chans = Array.from({ length: 8 }, (_, c) => whiteNoise(2, sr, 0.1, c + 1));
    const path = tmp.file(
      'eight.wav',
      writeWav({ sampleRate: sr, channels: chans, encoding: 's16' }),
    );
    const src = await openAudio(path);
    let blocks = 0;
    let frames = 0;
    for await (const b of src.blocks()) {
      blocks++;
      frames += b.frames;
      expect(b.channels).toHaveLength(8);
    }
    await src.close();
    expect(blocks).toBeGreaterThan(1);
    expect(frames).toBe(2 * sr);
  });

  it('reads what is there of a truncated data chunk, with a warning', async () => {
    const bytes = writeWav({ sampleRate: sr, channels: [left, right], encoding: 's16' });
    const cut = bytes.subarray(0, 44 + 4 * 1000 + 3);
    const src = await openAudioBytes(cut);
    const out = await decodeAll(src);
    expect(out[0]?.length).toBe(1000);
    expect(src.info.declaredFrames).toBe(left.length);
    expect(src.warnings.join()).toMatch(/truncated/);
  });

  it('accepts an unset (0) data size from a streaming writer', async () => {
    const bytes = writeWav({ sampleRate: sr, channels: [left], encoding: 's16' });
    new DataView(bytes.buffer).setUint32(40, 0, true);
    const src = await openAudioBytes(bytes);
    expect((await decodeAll(src))[0]?.length).toBe(left.length);
    // The rest of the file is the audio: nothing is missing (the header parser notes the
    // unset size; electron/formats/wav.test.ts).
    expect(src.info.declaredFrames).toBe(left.length);
    expect(src.warnings).toEqual([]);
  });

  it('gives stable error codes for bad WAVs', async () => {
    const good = writeWav({ sampleRate: sr, channels: [left], encoding: 's16' });
    expect(await codeOf(openAudioBytes(new Uint8Array(0)))).toBe('EMPTY_FILE');
    expect(await codeOf(openAudioBytes(good.subarray(0, 20)))).toBe('TRUNCATED_FILE');
    expect(await codeOf(openAudioBytes(good.subarray(0, 44)))).toBe('TRUNCATED_FILE');
    // Ten bytes that begin like RIFF: a cut-off file, not an unknown one.
    expect(await codeOf(openAudioBytes(good.subarray(0, 10)))).toBe('TRUNCATED_FILE');
    const adpcm = good.slice();
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(await codeOf(openAudioBytes(adpcm))).toBe('UNSUPPORTED_FORMAT');
    const noChannels = good.slice();
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    expect(await codeOf(openAudioBytes(noChannels))).toBe('CORRUPT_FILE');
    const noRate = good.slice();
    new DataView(noRate.buffer).setUint32(24, 0, true);
    expect(await codeOf(openAudioBytes(noRate))).toBe('CORRUPT_FILE');
    const empty = writeWav({ sampleRate: sr, channels: [new Float32Array(0)], encoding: 's16' });
    const src = await openAudioBytes(empty);
    expect(src.info.declaredFrames).toBe(0);
    expect(await decodeAll(src)).toEqual([new Float32Array(0)]);
    const text = new TextEncoder().encode('hello, this is not audio at all');
    expect(await codeOf(openAudioBytes(text))).toBe('NOT_AUDIO');
    expect(await codeOf(openAudio('/nonexistent/file.wav'))).toBe('NOT_FOUND');
    expect(await codeOf(openAudio(tmp.dir))).toBe('BAD_INPUT');
  });
});

describe('header facts from the probe', () => {
  it('decodes with the facts it is given while the file is unchanged, and parses the header when it changed', async () => {
    const path = tmp.file(
      'facts.wav',
      writeWav({ sampleRate: sr, channels: [left], encoding: 's16' }),
    );
    const { size, mtimeMs } = statSync(path);
    const facts = headerFactsOf(parseStream(bufferSource(readFileSync(path))));
    expect(facts).toMatchObject({
      format: 'wav',
      codec: 'pcm_s16le',
      sampleRate: sr,
      audioOffset: 44,
    });
    // Facts that differ from the header in one visible way: the rate.
    const told = { ...facts, sampleRate: 12_345 };
    const before = headerParseCount();
    const fresh = await openAudio(path, { size, mtimeMs, facts: told });
    expect(fresh.info.sampleRate).toBe(12_345);
    expect((await decodeAll(fresh))[0]?.length).toBe(left.length);
    expect(headerParseCount()).toBe(before);
    for (const stale of [
      { size, mtimeMs: mtimeMs + 1 },
      { size: size + 2, mtimeMs },
    ]) {
      const src = await openAudio(path, { ...stale, facts: told });
      expect(src.info.sampleRate).toBe(sr);
      await src.close();
    }
    expect(headerParseCount()).toBe(before + 2);
  });
});

describe('AIFF decoding', () => {
  it.each([
    [undefined, 16, 1 / 16000],
    [undefined, 24, 1e-6],
    [undefined, 8, 1 / 64],
    ['sowt', 16, 1 / 16000],
    ['fl32', 32, 1e-7],
    ['fl64', 64, 1e-7],
    ['twos', 32, 1e-6],
  ] as const)('round-trips AIFF %s %i-bit', async (compression, bits, tol) => {
    const bytes = writeAiff({
      sampleRate: 22050,
      channels: [left, right],
      bits,
      ...(compression ? { compression } : {}),
    });
    const src = await openAudioBytes(bytes);
    expect(src.info.format).toBe('aiff');
    expect(src.info.sampleRate).toBe(22050);
    const [l, r] = await decodeAll(src);
    expect(maxErr(l as Float32Array, left)).toBeLessThan(tol);
    expect(maxErr(r as Float32Array, right)).toBeLessThan(tol);
  });

  it('flags truncated and unsupported AIFF', async () => {
    const bytes = writeAiff({ sampleRate: sr, channels: [left], bits: 16 });
    const cut = await openAudioBytes(bytes.subarray(0, bytes.length - 500));
    expect((await decodeAll(cut))[0]?.length).toBe(left.length - 250);
    expect(cut.warnings.join()).toMatch(/truncated/);
    expect(await codeOf(openAudioBytes(bytes.subarray(0, 50)))).toBe('TRUNCATED_FILE');
    const ulaw = writeAiff({ sampleRate: sr, channels: [left], compression: 'sowt' });
    ulaw.set([0x75, 0x6c, 0x61, 0x77], 12 + 12 + 8 + 18); // FVER(12) + COMM header(8) + 18
    expect(await codeOf(openAudioBytes(ulaw))).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('compressed formats (fixtures encoded by ffmpeg)', () => {
  const noise = whiteNoise(1.5, sr, 0.2, 9);
  const tone = sine(1000, 1.5, sr, 0.5);
  const wavPath = tmp.file(
    'ref.wav',
    writeWav({ sampleRate: sr, channels: [tone, noise], encoding: 's16' }),
  );

  it('decodes FLAC losslessly', async () => {
    const flac = ffmpegEncode(wavPath, `${tmp.dir}/a.flac`, ['-c:a', 'flac']);
    const src = await openAudio(flac);
    expect(src.info).toMatchObject({
      format: 'flac',
      codec: 'flac',
      sampleRate: sr,
      channels: 2,
      bitDepth: 16,
      declaredFrames: tone.length,
    });
    const [l, r] = await decodeAll(src);
    expect(l?.length).toBe(tone.length);
    expect(maxErr(l as Float32Array, tone)).toBeLessThan(1 / 16000);
    expect(maxErr(r as Float32Array, noise)).toBeLessThan(1 / 16000);
  });

  it('decodes Ogg Vorbis and MP3 (mono stays mono)', async () => {
    const ogg = ffmpegEncode(wavPath, `${tmp.dir}/a.ogg`, ['-c:a', 'libvorbis', '-q:a', '5']);
    const s1 = await openAudio(ogg);
    expect(s1.info).toMatchObject({ format: 'ogg', codec: 'vorbis', channels: 2, sampleRate: sr });
    const [o] = await decodeAll(s1);
    expect(Math.abs((o?.length ?? 0) - tone.length)).toBeLessThan(2048);
    const mono = tmp.file(
      'mono.wav',
      writeWav({ sampleRate: sr, channels: [tone], encoding: 's16' }),
    );
    const mp3 = ffmpegEncode(mono, `${tmp.dir}/a.mp3`, ['-c:a', 'libmp3lame', '-b:a', '128k']);
    const s2 = await openAudio(mp3);
    expect(s2.info).toMatchObject({ format: 'mp3', channels: 1, sampleRate: sr });
    const [m] = await decodeAll(s2);
    expect(Math.abs((m?.length ?? 0) - tone.length)).toBeLessThan(3000);
    let peak = 0;
    for (const v of m as Float32Array) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeGreaterThan(0.45);
  });

  it('reuses decoders across files and reports corrupt or truncated streams', async () => {
    const flac = ffmpegEncode(wavPath, `${tmp.dir}/b.flac`, ['-c:a', 'flac']);
    // The cached decoder is reused after flush() (which resets it): same samples every time.
    const firstRun = (await decodeAll(await openAudio(flac)))[0];
    expect(firstRun?.length).toBe(tone.length);
    for (let i = 0; i < 2; i++)
      expect((await decodeAll(await openAudio(flac)))[0]).toEqual(firstRun);
    const bytes = readFileSync(flac);
    const cutPath = tmp.file('cut.flac', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await decodeAll(await openAudio(cutPath));
    expect(cut[0]?.length).toBeGreaterThan(1000);
    expect(cut[0]?.length).toBeLessThan(tone.length);
    const garbage = Buffer.from(bytes);
    for (let i = 200; i < garbage.length; i++) garbage[i] = (i * 131) & 0xff;
    const badPath = tmp.file('bad.flac', garbage);
    expect(await codeOf(openAudio(badPath))).toBe('CORRUPT_FILE');
    const headerOnly = tmp.file('hdr.flac', bytes.subarray(0, 60));
    expect(['TRUNCATED_FILE', 'CORRUPT_FILE']).toContain(await codeOf(openAudio(headerOnly)));
    writeFileSync(`${tmp.dir}/e.mp3`, Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]));
    expect(await codeOf(openAudio(`${tmp.dir}/e.mp3`))).not.toBe('ok');
    const trunc = tmp.file(
      't.wav',
      writeWav({ sampleRate: sr, channels: [tone], encoding: 's16' }),
    );
    truncateSync(trunc, 30);
    expect(await codeOf(openAudio(trunc))).toBe('TRUNCATED_FILE');
  });
});
