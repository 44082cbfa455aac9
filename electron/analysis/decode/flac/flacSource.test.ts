import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/result';
import { openAudio } from '../openAudio';
import { decodeAll } from '../../test-support/decodeAll';
import { sine, whiteNoise } from '../../test-support/signals';
import { tempDir, ffmpegEncode } from '../../test-support/tempFiles';
import { writeWav, type WavEncoding } from '../../test-support/writeAudio';

const tmp = tempDir('sm-flac-');
afterAll(() => tmp.cleanup());

/** ffmpeg's decode of a file as planar floats (exact for ≤ 24-bit integer audio). */
function ffmpegDecode(path: string, channels: number): Float32Array[] {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-f', 'f32le', '-c:a', 'pcm_f32le', '-'],
    {
      maxBuffer: 1 << 28,
    },
  );
  const all = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  const frames = all.length / channels;
  return Array.from({ length: channels }, (_, c) => {
    const ch = new Float32Array(frames);
    for (let i = 0; i < frames; i++) ch[i] = all[i * channels + c] as number;
    return ch;
  });
}

function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('FLAC decoder', () => {
  const sr = 48000;
  const tone = sine(440, 1.3, sr, 0.6);
  const noise = whiteNoise(1.3, sr, 0.3, 5);
  const cases: Array<[string, WavEncoding, string[]]> = [
    ['16-bit stereo, mid/side and LPC', 's16', ['-compression_level', '8']],
    ['24-bit stereo, independent channels', 's24', ['-ch_mode', 'indep']],
    ['16-bit stereo, left/side', 's16', ['-ch_mode', 'left_side']],
    [
      '24-bit stereo, right/side, fixed predictors',
      's24',
      ['-ch_mode', 'right_side', '-lpc_type', 'fixed'],
    ],
    ['16-bit, verbatim-friendly tiny blocks', 's16', ['-frame_size', '192', '-lpc_type', 'none']],
    // The predictor runs unrolled over 4, 8 or 12 taps by order: one case per tier.
    ['16-bit, LPC orders 1-4', 's16', ['-min_prediction_order', '1', '-max_prediction_order', '4']],
    [
      '24-bit, LPC orders 9-12',
      's24',
      ['-min_prediction_order', '9', '-max_prediction_order', '12'],
    ],
    [
      '24-bit, high-order LPC and big blocks',
      's24',
      ['-lpc_type', 'cholesky', '-max_prediction_order', '32', '-frame_size', '16384'],
    ],
  ];
  for (const [name, encoding, args] of cases) {
    it(`matches ffmpeg sample for sample: ${name}`, async () => {
      const wav = tmp.file(
        `${name.length}-${encoding}.wav`,
        writeWav({ sampleRate: sr, channels: [tone, noise], encoding }),
      );
      const flac = ffmpegEncode(wav, `${wav}.flac`, ['-c:a', 'flac', ...args]);
      const src = await openAudio(flac);
      expect(src.info).toMatchObject({
        format: 'flac',
        codec: 'flac',
        sampleRate: sr,
        channels: 2,
      });
      const got = await decodeAll(src);
      expect(src.warnings).toEqual([]);
      const ref = ffmpegDecode(flac, 2);
      expect(got[0]?.length).toBe(tone.length);
      expect(firstDifference(got[0] as Float32Array, ref[0] as Float32Array)).toBe(-1);
      expect(firstDifference(got[1] as Float32Array, ref[1] as Float32Array)).toBe(-1);
    });
  }

  it('decodes mono with wasted bits and a constant subframe (digital silence)', async () => {
    const quiet = new Float32Array(30000);
    for (let i = 10000; i < 30000; i++)
      quiet[i] = (Math.round(Math.sin(i / 7) * 100) * 256) / 32768;
    const wav = tmp.file(
      'wasted.wav',
      writeWav({ sampleRate: 44100, channels: [quiet], encoding: 's16' }),
    );
    const flac = ffmpegEncode(wav, `${wav}.flac`, ['-c:a', 'flac']);
    const got = await decodeAll(await openAudio(flac));
    expect(firstDifference(got[0] as Float32Array, ffmpegDecode(flac, 1)[0] as Float32Array)).toBe(
      -1,
    );
    expect(firstDifference(got[0] as Float32Array, quiet)).toBe(-1);
  });

  it('skips a damaged frame with a warning and goes on with the next', async () => {
    const wav = tmp.file(
      'dmg.wav',
      writeWav({ sampleRate: sr, channels: [tone], encoding: 's16' }),
    );
    const flac = ffmpegEncode(wav, `${wav}.flac`, ['-c:a', 'flac', '-frame_size', '4096']);
    const bytes = readFileSync(flac);
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 40; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    const src = await openAudio(tmp.file('dmg.flac', bytes));
    const [ch] = await decodeAll(src);
    expect(src.warnings.length).toBeGreaterThan(0);
    expect(src.warnings[0]).toMatch(/^decoder: /);
    // One or two frames of 4096 are gone, the rest is there.
    expect(ch?.length).toBeLessThan(tone.length);
    expect(ch?.length).toBeGreaterThanOrEqual(tone.length - 2 * 4096);
  });

  it('reports a file without one good frame as corrupt', async () => {
    const wav = tmp.file(
      'bad.wav',
      writeWav({ sampleRate: sr, channels: [tone], encoding: 's16' }),
    );
    const bytes = readFileSync(ffmpegEncode(wav, `${wav}.flac`, ['-c:a', 'flac']));
    for (let i = 200; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    const err = await openAudio(tmp.file('bad.flac', bytes)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CORRUPT_FILE');
  });
});
