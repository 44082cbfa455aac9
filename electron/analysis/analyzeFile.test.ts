import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from './analyzeFile';
import { analyzeSource } from './analyzeSource';
import { openAudioBytes } from './decode/openAudio';
import { decodePeaks } from '../../shared/peaksCodec';
import { FEATURE_VECTOR_LENGTH, FEATURE_VECTOR_VERSION } from './vector/featureVector';
import { ANALYZER_VERSION } from './version';
import { aMinorChordLoop, drumLoop, harmonicTone, sine, whiteNoise } from './test-support/signals';
import { tempDir } from './test-support/tempFiles';
import { writeWav } from './test-support/writeAudio';
import { AppError } from '../../shared/result';

const sr = 44100;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const hz = (m: number): number => 440 * 2 ** ((m - 69) / 12);

describe('analyzeFile', () => {
  it('analyses a drum loop: kind, tempo, beats, loudness, peaks, vector', async () => {
    const l = drumLoop(128, 2, sr, 1);
    const r = drumLoop(128, 2, sr, 2);
    const path = tmp.file(
      'loop.wav',
      writeWav({ sampleRate: sr, channels: [l, r], encoding: 's24' }),
    );
    const a = await analyzeFile(path);
    expect(a).toMatchObject({
      analyzerVersion: ANALYZER_VERSION,
      format: 'wav',
      codec: 'pcm_s24le',
      channels: 2,
      sampleRate: sr,
      kind: 'loop',
      bpmSource: 'audio',
      beats: 8,
    });
    expect(a.bpm).toBeCloseTo(128, 1);
    expect(a.bpmConfidence).toBeGreaterThan(0.3);
    expect(a.key).toBeNull();
    expect(a.rootNote).toBeNull();
    expect(a.lufs).toBeLessThan(0);
    expect(a.loudnessMethod).toBe('gated');
    expect(a.truePeakDb as number).toBeGreaterThanOrEqual(a.samplePeakDb as number);
    expect(a.descriptors.onsetCount).toBeGreaterThan(8);
    expect(a.descriptors.mfccMean).toHaveLength(13);
    expect(a.tags).toContain('punchy');
    expect(a.featureVector).toHaveLength(FEATURE_VECTOR_LENGTH);
    expect(a.featureVectorVersion).toBe(FEATURE_VECTOR_VERSION);
    for (const v of a.featureVector) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    const peaks = decodePeaks(a.peaks);
    expect(peaks.frames).toBe(l.length);
    expect(peaks.channels).toBe(2);
    expect(
      JSON.parse(JSON.stringify({ ...a, peaks: null, featureVector: null })).descriptors.attackSec,
    ).toBe(a.descriptors.attackSec);
  });

  it('names the root of a tonal one-shot and lets a plausible name win', async () => {
    const note = harmonicTone(hz(45), 1.6, sr, { decay: 0.4, harmonics: 8 });
    const path = tmp.file('bass.wav', writeWav({ sampleRate: sr, channels: [note] }));
    const a = await analyzeFile(path);
    expect(a).toMatchObject({
      kind: 'one-shot',
      rootNote: 'A2',
      rootMidi: 45,
      rootSource: 'audio',
      bpm: null,
      channels: 1,
    });
    expect(Math.abs(a.rootCents as number)).toBeLessThan(10);
    expect(a.tags).toEqual(expect.arrayContaining(['tonal', 'mono']));
    const named = await analyzeFile(path, { hints: { rootMidi: 33 } });
    expect(named).toMatchObject({ rootNote: 'A1', rootSource: 'name' });
    const wrong = await analyzeFile(path, { hints: { rootMidi: 40 } });
    expect(wrong).toMatchObject({ rootNote: 'A2', rootSource: 'audio' });
  });

  it('uses embedded and name metadata for tempo, key and kind', async () => {
    const loop = drumLoop(100, 1, sr, 3);
    const path = tmp.file('meta.wav', writeWav({ sampleRate: sr, channels: [loop] }));
    const emb = await analyzeFile(path, {
      embedded: { bpm: 100, beats: 4, oneShot: false, key: 'Am' },
    });
    expect(emb).toMatchObject({
      kind: 'loop',
      bpm: 100,
      bpmSource: 'embedded',
      beats: 4,
      key: 'A minor',
      keySource: 'embedded',
    });
    const name = await analyzeFile(path, { hints: { bpm: 100, key: 'F#m', loop: true } });
    expect(name).toMatchObject({
      bpm: 100,
      bpmSource: 'name',
      key: 'F# minor',
      keySource: 'name',
      beats: 4,
    });
    const forced = await analyzeFile(path, { embedded: { oneShot: true } });
    expect(forced).toMatchObject({ kind: 'one-shot', bpm: null });
    // A written tempo that fits neither the audio nor the bars loses to the audio.
    const implausible = await analyzeFile(path, { hints: { bpm: 137 } });
    expect(implausible.bpm).toBeCloseTo(100, 0);
    expect(implausible.bpmSource).toBe('audio');
  });

  it('finds the key of a chord loop', async () => {
    const path = tmp.file(
      'chords.wav',
      writeWav({ sampleRate: sr, channels: [aMinorChordLoop(sr)] }),
    );
    const a = await analyzeFile(path, { hints: { loop: true } });
    expect(a.kind).toBe('loop');
    expect(a.key).toBe('A minor');
    expect(a.keySource).toBe('audio');
  });

  it('tags noise, width and clipping', async () => {
    const l = whiteNoise(1.2, sr, 1.4, 1).map((v) => Math.max(-1, Math.min(1, v)));
    const r = whiteNoise(1.2, sr, 1.4, 2).map((v) => Math.max(-1, Math.min(1, v)));
    const path = tmp.file(
      'noise.wav',
      writeWav({ sampleRate: sr, channels: [l, r], encoding: 'f32' }),
    );
    const a = await analyzeFile(path);
    expect(a.tags).toEqual(expect.arrayContaining(['noisy', 'wide', 'clipped', 'bright']));
    expect(a.descriptors.stereoWidth).toBeGreaterThan(0.4);
  });

  it('analyses in-memory sources and honours an abort signal', async () => {
    const bytes = writeWav({ sampleRate: sr, channels: [sine(440, 2, sr)] });
    const ok = await analyzeSource(await openAudioBytes(bytes), { excerptSeconds: 1 });
    expect(ok.excerptSec).toBeCloseTo(1, 2);
    expect(ok.durationSec).toBeCloseTo(2, 3);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(
      analyzeSource(await openAudioBytes(bytes), { signal: ctrl.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(analyzeFile(`${tmp.dir}/none.wav`)).rejects.toBeInstanceOf(AppError);
  });
});
