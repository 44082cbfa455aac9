import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, ffprobeStream, hasFfmpeg } from '../test-support/referenceTools';
import { makeTempDir, type TempDir } from '../test-support/audioFixtures';
import { probeFile } from './probe';

/**
 * FLAC, Ogg Vorbis, Opus and MP3 files made by ffmpeg (a reference tool, tests only), read
 * by our probe and checked against ffprobe and against the length that was encoded.
 */
const ffmpegMissing = !hasFfmpeg();
if (ffmpegMissing)
  console.warn('ffmpeg/ffprobe not found: skipping the FLAC/Ogg/Opus/MP3 encoder tests');

describe.skipIf(ffmpegMissing)('compressed formats made by ffmpeg', () => {
  let tmp: TempDir;
  const src = (seconds: number, rate: number, channels: number) => [
    '-f',
    'lavfi',
    '-i',
    `sine=f=330:d=${seconds}:sample_rate=${rate}`,
    '-ac',
    String(channels),
  ];
  const file = (name: string, args: string[]) => ffmpeg(args, `${tmp.path}/${name}`);

  beforeAll(() => {
    tmp = makeTempDir('samplemind-ffmpeg-');
  });
  afterAll(() => tmp.cleanup());

  it('FLAC 16-bit stereo with Vorbis comments: exact length', () => {
    const path = file('loop.flac', [
      ...src(1.5, 44_100, 2),
      '-c:a',
      'flac',
      '-metadata',
      'BPM=124',
      '-metadata',
      'INITIALKEY=8A',
      '-metadata',
      'title=Loop',
      '-metadata',
      'GENRE=House',
    ]);
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'flac',
      codec: 'flac',
      sampleRate: 44_100,
      channels: 2,
      bitDepth: 16,
      frames: 66_150,
    });
    expect(r.embedded).toMatchObject({ bpm: 124, key: 'A minor', title: 'Loop', genre: 'House' });
    const ref = ffprobeStream(path);
    expect(Math.abs((r.durationSec ?? 0) - ref.durationSec)).toBeLessThan(0.001);
    expect(r.warnings).toEqual([]);
  });

  it('FLAC 24-bit mono 48 kHz with a cover picture larger than the head', () => {
    const cover = ffmpeg(
      ['-f', 'lavfi', '-i', 'mandelbrot=s=640x480', '-frames:v', '1'],
      `${tmp.path}/cover.png`,
    );
    const path = file('art.flac', [
      ...src(0.75, 48_000, 1),
      '-i',
      cover,
      '-map',
      '0:a',
      '-map',
      '1:v',
      '-c:a',
      'flac',
      '-sample_fmt',
      's32',
      '-c:v',
      'copy',
      '-disposition:v',
      'attached_pic',
      '-metadata',
      'TEMPO=90',
    ]);
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'flac',
      sampleRate: 48_000,
      channels: 1,
      bitDepth: 24,
      frames: 36_000,
    });
    expect(r.audioOffset).toBeGreaterThan(65_536);
    expect(r.embedded.bpm).toBe(90);
    expect(r.warnings).toEqual([]);
  });

  it('Ogg Vorbis with comments: duration within 50 ms of ffprobe', () => {
    const path = file('pad.ogg', [
      ...src(1.3, 44_100, 2),
      '-c:a',
      'libvorbis',
      '-metadata',
      'BPM=100',
      '-metadata',
      'KEY=Ebm',
      '-metadata',
      'ARTIST=Me',
    ]);
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'ogg',
      codec: 'vorbis',
      sampleRate: 44_100,
      channels: 2,
      bitDepth: null,
    });
    expect(r.embedded).toMatchObject({ bpm: 100, key: 'D# minor', artist: 'Me' });
    expect(Math.abs((r.durationSec ?? 0) - ffprobeStream(path).durationSec)).toBeLessThan(0.05);
    expect(r.durationSec).toBeCloseTo(1.3, 3);
  });

  it('Opus: 48 kHz, pre-skip removed, duration within 50 ms of ffprobe', () => {
    const path = file('vox.opus', [
      ...src(0.9, 44_100, 1),
      '-c:a',
      'libopus',
      '-metadata',
      'TITLE=Vox',
    ]);
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'ogg',
      codec: 'opus',
      sampleRate: 48_000,
      channels: 1,
      embedded: { title: 'Vox' },
    });
    expect(Math.abs((r.durationSec ?? 0) - ffprobeStream(path).durationSec)).toBeLessThan(0.05);
    expect(r.durationSec).toBeCloseTo(0.9, 3);
  });

  it('MP3 CBR with an Info header, ID3v2 and ID3v1: gapless length', () => {
    const path = file('cbr.mp3', [
      ...src(2.5, 44_100, 2),
      '-c:a',
      'libmp3lame',
      '-b:a',
      '128k',
      '-metadata',
      'TBPM=120',
      '-metadata',
      'TKEY=Am',
      '-metadata',
      'title=Beat',
      '-metadata',
      'comment=made here',
      '-write_id3v1',
      '1',
    ]);
    const r = probeFile(path);
    expect(r).toMatchObject({
      format: 'mp3',
      codec: 'mp3',
      sampleRate: 44_100,
      channels: 2,
      bitDepth: null,
    });
    expect(r.embedded).toMatchObject({
      bpm: 120,
      key: 'A minor',
      title: 'Beat',
      comment: 'made here',
    });
    expect(r.durationSec).toBeCloseTo(2.5, 3);
    expect(Math.abs((r.durationSec ?? 0) - ffprobeStream(path).durationSec)).toBeLessThan(0.06);
  });

  it('MP3 VBR with a Xing header', () => {
    const path = file('vbr.mp3', [...src(3.2, 44_100, 1), '-c:a', 'libmp3lame', '-q:a', '4']);
    const r = probeFile(path);
    expect(r).toMatchObject({ format: 'mp3', sampleRate: 44_100, channels: 1 });
    expect(r.durationSec).toBeCloseTo(3.2, 3);
    expect(Math.abs((r.durationSec ?? 0) - ffprobeStream(path).durationSec)).toBeLessThan(0.06);
  });

  it('MP3 CBR without Xing: estimate from size within 50 ms of ffprobe', () => {
    const path = file('plain.mp3', [
      ...src(2, 44_100, 2),
      '-c:a',
      'libmp3lame',
      '-b:a',
      '192k',
      '-write_xing',
      '0',
      '-id3v2_version',
      '0',
    ]);
    const r = probeFile(path);
    expect(r.audioOffset).toBe(0);
    expect(Math.abs((r.durationSec ?? 0) - ffprobeStream(path).durationSec)).toBeLessThan(0.05);
  });

  it('MPEG-2 layer III at 22.05 kHz', () => {
    const path = file('low.mp3', [...src(1.2, 22_050, 1), '-c:a', 'libmp3lame', '-b:a', '32k']);
    const r = probeFile(path);
    expect(r).toMatchObject({ sampleRate: 22_050, channels: 1 });
    expect(r.durationSec).toBeCloseTo(1.2, 3);
  });

  it('MP3 inside a file named .wav: probed as MP3 with a warning', () => {
    const path = file('mislabelled.wav', [
      ...src(0.5, 44_100, 1),
      '-c:a',
      'libmp3lame',
      '-f',
      'mp3',
    ]);
    const r = probeFile(path);
    expect(r.format).toBe('mp3');
    expect(r.warnings[0]).toBe('extension .wav but content is MP3');
  });

  it('M4A/AAC is UNSUPPORTED_FORMAT', () => {
    const path = file('song.m4a', [...src(0.5, 44_100, 1), '-c:a', 'aac']);
    expect(() => probeFile(path)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    expect(() => probeFile(path)).toThrow(/MPEG-4 audio/);
  });

  it('MP2 is UNSUPPORTED_FORMAT', () => {
    const path = file('old.mp2', [...src(0.5, 44_100, 1), '-c:a', 'mp2']);
    expect(() => probeFile(path)).toThrow(/layer II/);
  });

  it('Ogg FLAC: rate, channels and bit depth from its STREAMINFO, duration from the last page', () => {
    const path = file('flac.oga', [...src(0.5, 44_100, 1), '-c:a', 'flac', '-f', 'ogg']);
    const r = probeFile(path);
    const ref = ffprobeStream(path);
    expect(r).toMatchObject({ format: 'ogg', codec: 'flac', sampleRate: 44_100, channels: 1 });
    expect(r.bitDepth).toBe(16);
    expect(Math.abs((r.durationSec ?? 0) - ref.durationSec)).toBeLessThan(0.05);
  });
});
