import { closeSync, openSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { aiffBytes, id3v2Bytes, makeTempDir, noise, wavBytes } from '../test-support/audioFixtures';
import { contentHash } from './contentHash';
import { probeFile } from './probe';

const tmp = makeTempDir('samplemind-hash-');
afterAll(() => tmp.cleanup());

const stereo = (frames: number, seed: number) => [
  noise(frames, 0.5, seed),
  noise(frames, 0.5, seed + 1),
];

describe('contentHash', () => {
  it('survives renames, moves and re-tagging (metadata chunks before or after the audio)', () => {
    const samples = stereo(50_000, 3);
    const plain = probeFile(tmp.write('a/loop.wav', wavBytes({ samples })));
    const moved = probeFile(tmp.write('b/c/renamed.wav', wavBytes({ samples })));
    const tagged = probeFile(
      tmp.write(
        'tagged.wav',
        wavBytes({
          samples,
          chunks: {
            list: { INAM: 'New name' },
            acid: { tempo: 120, beats: 4 },
            id3: id3v2Bytes({ TBPM: '120' }),
          },
        }),
      ),
    );
    const tail = probeFile(
      tmp.write(
        'tail.wav',
        wavBytes({ samples, chunks: { afterData: true, list: { ICMT: 'x' } } }),
      ),
    );
    expect(moved.contentHash).toBe(plain.contentHash);
    expect(tagged.contentHash).toBe(plain.contentHash);
    expect(tail.contentHash).toBe(plain.contentHash);
  });

  it('differs when the audio differs anywhere it samples, or in length or stream facts', () => {
    const samples = stereo(50_000, 3);
    const base = probeFile(tmp.write('base.wav', wavBytes({ samples }))).contentHash;
    const changed = stereo(50_000, 3);
    (changed[0] as Float32Array)[25_000] = 0.9; // the middle block
    expect(probeFile(tmp.write('mid.wav', wavBytes({ samples: changed }))).contentHash).not.toBe(
      base,
    );
    const shorter = samples.map((c) => c.subarray(0, 49_999));
    expect(probeFile(tmp.write('short.wav', wavBytes({ samples: shorter }))).contentHash).not.toBe(
      base,
    );
    const otherRate = probeFile(
      tmp.write('rate.wav', wavBytes({ samples, sampleRate: 48_000 })),
    ).contentHash;
    expect(otherRate).not.toBe(base);
    const aiff = probeFile(tmp.write('same.aiff', aiffBytes({ samples }))).contentHash;
    expect(aiff).not.toBe(base);
  });

  it('hashes small payloads whole: any byte counts', () => {
    const samples = [noise(1000, 0.5, 5)];
    const a = probeFile(tmp.write('small-a.wav', wavBytes({ samples }))).contentHash;
    (samples[0] as Float32Array)[500] = -0.7;
    const b = probeFile(tmp.write('small-b.wav', wavBytes({ samples }))).contentHash;
    expect(a).not.toBe(b);
  });

  it('gives the same result with or without the head buffer', () => {
    const path = tmp.write('big.wav', wavBytes({ samples: stereo(100_000, 11) }));
    const r = probeFile(path);
    const head = readFileSync(path).subarray(0, 65_536);
    const fd = openSync(path, 'r');
    try {
      const tag = `${r.codec}/${r.sampleRate}/${r.channels}`;
      const withHead = contentHash(fd, r.audioOffset, r.audioLength, { head, streamTag: tag });
      const without = contentHash(fd, r.audioOffset, r.audioLength, { streamTag: tag });
      expect(withHead).toBe(r.contentHash);
      expect(without).toBe(r.contentHash);
      expect(contentHash(fd, r.audioOffset, r.audioLength)).not.toBe(r.contentHash);
      expect(contentHash(fd, 0, 0)).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      closeSync(fd);
    }
  });
});
