import type { SampleSummary } from '../contract';

/** A library row for tests: a 1 s stereo 16-bit WAV, not analysed, untagged; `over` wins. */
export function sampleSummary(id: number, over: Partial<SampleSummary> = {}): SampleSummary {
  return {
    id,
    folderId: 1,
    path: `/lib/s${id}.wav`,
    name: `s${id}.wav`,
    dir: '',
    format: 'wav',
    sizeBytes: 1000,
    addedAt: 0,
    durationSec: 1,
    sampleRate: 44100,
    channels: 2,
    bitDepth: 16,
    kind: null,
    bpm: null,
    key: null,
    rootNote: null,
    lufs: null,
    truePeakDb: null,
    class: null,
    classConfidence: null,
    classSource: null,
    classTier: null,
    rating: 0,
    favorite: false,
    tags: [],
    analysis: 'done',
    missing: false,
    ...over,
  };
}
