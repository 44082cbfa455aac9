import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import {
  id3v2Bytes,
  noise,
  riffChunk,
  sine,
  wavBytes,
} from '../library/test-support/audioFixtures';
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

describe('WAV stream facts', () => {
  it.each([
    { bitDepth: 8, codec: 'pcm_u8' },
    { bitDepth: 16, codec: 'pcm_s16le' },
    { bitDepth: 24, codec: 'pcm_s24le' },
    { bitDepth: 32, codec: 'pcm_s32le' },
    { bitDepth: 32, float: true, codec: 'pcm_f32le' },
    { bitDepth: 64, float: true, codec: 'pcm_f64le' },
  ])('$codec', ({ bitDepth, float, codec }) => {
    const r = parse(wavBytes({ sampleRate: 48_000, channels: 2, bitDepth, float, frames: 4800 }));
    expect(r).toMatchObject({
      format: 'wav',
      codec,
      sampleRate: 48_000,
      channels: 2,
      bitDepth,
      frames: 4800,
    });
    expect(r.durationSec).toBeCloseTo(0.1, 9);
    expect(r.audioOffset).toBe(44);
    expect(r.audioLength).toBe(4800 * 2 * (bitDepth / 8));
    expect(r.warnings).toEqual([]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with its sub-format and valid bits', () => {
    const r = parse(
      wavBytes({ bitDepth: 24, validBits: 20, extensible: true, channels: 6, frames: 441 }),
    );
    expect(r).toMatchObject({ codec: 'pcm_s24le', channels: 6, bitDepth: 20, frames: 441 });
    const f = parse(
      wavBytes({ bitDepth: 32, float: true, extensible: true, channels: 2, frames: 10 }),
    );
    expect(f.codec).toBe('pcm_f32le');
  });

  it('reads 24-bit samples in a 32-bit container (block align says 4 bytes)', () => {
    const bytes = wavBytes({ bitDepth: 32, extensible: true, validBits: 24, frames: 100 });
    expect(parse(bytes)).toMatchObject({ codec: 'pcm_s32le', bitDepth: 24, frames: 100 });
  });

  it('reads multichannel audio', () => {
    const samples = Array.from({ length: 8 }, (_, c) => sine(100 * (c + 1), 0.01));
    const r = parse(wavBytes({ samples }));
    expect(r).toMatchObject({ channels: 8, frames: 441 });
  });

  it('reads RF64 with the ds64 data size', () => {
    const r = parse(wavBytes({ container: 'RF64', channels: 2, frames: 1000 }));
    expect(r).toMatchObject({ format: 'wav', frames: 1000, audioLength: 4000 });
    expect(r.audioOffset).toBe(12 + 36 + 24 + 8);
  });

  it('reads BW64 (the EBU name for RF64)', () => {
    const bytes = wavBytes({ container: 'RF64', frames: 300 });
    bytes.write('BW64', 0, 'latin1');
    expect(parse(bytes)).toMatchObject({ format: 'wav', frames: 300 });
  });

  it('reads big-endian RIFX', () => {
    const r = parse(
      wavBytes({
        container: 'RIFX',
        bitDepth: 24,
        frames: 50,
        chunks: { acid: { tempo: 128, beats: 8 } },
      }),
    );
    expect(r).toMatchObject({
      codec: 'pcm_s24be',
      frames: 50,
      embedded: { bpm: 128, beats: 8, oneShot: false },
    });
  });

  it('reports a trailing partial frame', () => {
    const bytes = wavBytes({ channels: 2, frames: 10, declaredDataSize: 39 });
    const r = parse(bytes.subarray(0, 44 + 39));
    expect(r.frames).toBe(9);
    expect(r.warnings).toContain('data chunk size is not a whole number of sample frames');
  });
});

describe('WAV metadata chunks', () => {
  const audio = { frames: 4410, sampleRate: 44_100 };

  it('reads acid (tempo, beats, root) before and after the data chunk', () => {
    for (const afterData of [false, true]) {
      const r = parse(
        wavBytes({ ...audio, chunks: { afterData, acid: { tempo: 120, beats: 8, rootNote: 57 } } }),
      );
      expect(r.embedded).toEqual({ bpm: 120, beats: 8, rootMidi: 57, oneShot: false });
      expect(r.frames).toBe(4410);
    }
  });

  it('treats an acid one-shot as a one-shot with no tempo', () => {
    const r = parse(
      wavBytes({ ...audio, chunks: { acid: { oneShot: true, tempo: 120, beats: 4 } } }),
    );
    expect(r.embedded).toEqual({ oneShot: true });
  });

  it('ignores a default acid chunk (tempo 0, no root flag)', () => {
    const r = parse(wavBytes({ ...audio, chunks: { acid: { tempo: 0, beats: 4 } } }));
    expect(r.embedded).toEqual({});
  });

  it('reads smpl root note and loops (end stored exclusive)', () => {
    const r = parse(
      wavBytes({
        ...audio,
        chunks: { afterData: true, smpl: { unityNote: 48, loops: [{ start: 100, end: 4409 }] } },
      }),
    );
    expect(r.embedded).toEqual({ rootMidi: 48, loops: [{ startFrame: 100, endFrame: 4410 }] });
  });

  it('does not believe the default smpl unity note (60 without loops, or 0)', () => {
    expect(parse(wavBytes({ ...audio, chunks: { smpl: { unityNote: 60 } } })).embedded).toEqual({});
    expect(parse(wavBytes({ ...audio, chunks: { smpl: { unityNote: 0 } } })).embedded).toEqual({});
    expect(
      parse(
        wavBytes({ ...audio, chunks: { smpl: { unityNote: 60, loops: [{ start: 0, end: 9 }] } } }),
      ).embedded,
    ).toMatchObject({ rootMidi: 60 });
  });

  it('reads LIST/INFO text (UTF-8 or latin1), keywords split', () => {
    const r = parse(
      wavBytes({
        ...audio,
        chunks: {
          afterData: true,
          list: {
            INAM: 'Deep Kick',
            IART: 'Ünïcode Artist',
            ICMT: 'punchy',
            IGNR: 'Techno',
            ISFT: 'Renoise',
            IKEY: 'kick; dry, 909',
          },
        },
      }),
    );
    expect(r.embedded).toEqual({
      title: 'Deep Kick',
      artist: 'Ünïcode Artist',
      comment: 'punchy',
      genre: 'Techno',
      software: 'Renoise',
      keywords: ['kick', 'dry', '909'],
    });
    const latin1 = Buffer.concat([
      Buffer.from('INFO'),
      riffChunk('INAM', Buffer.from('Caf\xe9\0', 'latin1')),
    ]);
    const r2 = parse(wavBytes({ ...audio, chunks: { extra: [{ id: 'LIST', data: latin1 }] } }));
    expect(r2.embedded.title).toBe('Café');
  });

  it('reads iXML tempo, key, title and note', () => {
    const ixml =
      '<?xml version="1.0"?><BWFXML><TITLE>Riser &amp; Fall</TITLE><NOTE>take 3</NOTE><ASWG><tempo>126</tempo><inKey>F#m</inKey></ASWG></BWFXML>';
    const r = parse(wavBytes({ ...audio, chunks: { ixml } }));
    expect(r.embedded).toEqual({
      title: 'Riser & Fall',
      comment: 'take 3',
      bpm: 126,
      key: 'F# minor',
    });
  });

  it('reads an id3 chunk (TBPM, TKEY, TIT2, TPE1, TCON, COMM)', () => {
    const id3 = id3v2Bytes({
      TBPM: '95',
      TKEY: 'Ebm',
      TIT2: 'Soul Loop',
      TPE1: 'Someone',
      TCON: '(52)',
      COMM: 'nice',
    });
    const r = parse(wavBytes({ ...audio, chunks: { afterData: true, id3 } }));
    expect(r.embedded).toEqual({
      bpm: 95,
      key: 'D# minor',
      title: 'Soul Loop',
      artist: 'Someone',
      genre: 'Electronic',
      comment: 'nice',
    });
  });

  it('reads bext description and originator as fallbacks', () => {
    const r = parse(
      wavBytes({
        ...audio,
        chunks: {
          bext: { description: 'Field rec', originator: 'Pro Tools' },
          list: { ICMT: 'wins' },
        },
      }),
    );
    expect(r.embedded).toEqual({ comment: 'wins', software: 'Pro Tools' });
  });

  it('prefers acid over ID3 over iXML over INFO', () => {
    const r = parse(
      wavBytes({
        ...audio,
        chunks: {
          acid: { tempo: 100, beats: 4 },
          id3: id3v2Bytes({ TBPM: '110', TIT2: 'id3 title' }),
          ixml: '<BWFXML><BPM>120</BPM><TITLE>ixml title</TITLE></BWFXML>',
          list: { INAM: 'info title' },
        },
      }),
    );
    expect(r.embedded).toMatchObject({ bpm: 100, title: 'id3 title' });
  });

  it('skips pad bytes after odd-sized chunks, and copes when a writer left them out', () => {
    const odd = { id: 'junk', data: Buffer.alloc(7, 1) };
    const padded = parse(wavBytes({ ...audio, chunks: { extra: [odd], list: { INAM: 'odd' } } }));
    expect(padded.embedded.title).toBe('odd');
    expect(padded.warnings).toEqual([]);
    const unpadded = parse(
      wavBytes({ ...audio, omitPadBytes: true, chunks: { extra: [odd], list: { INAM: 'odd' } } }),
    );
    expect(unpadded.embedded.title).toBe('odd');
    expect(unpadded.warnings).toContain('odd-sized chunk without its pad byte');
  });

  it('handles an odd-sized data chunk with chunks after it', () => {
    const bytes = wavBytes({
      bitDepth: 8,
      frames: 1001,
      chunks: { afterData: true, list: { INAM: 'eight' } },
    });
    const r = parse(bytes);
    expect(r).toMatchObject({ codec: 'pcm_u8', frames: 1001, embedded: { title: 'eight' } });
  });

  it('stops at garbage after the audio with a warning', () => {
    const bytes = Buffer.concat([wavBytes(audio), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);
    const r = parse(bytes);
    expect(r.frames).toBe(4410);
    expect(r.warnings[0]).toMatch(/unreadable bytes/);
  });

  it('takes the rest of the file as audio when an unfinished recording left the data size at 0', () => {
    const bytes = wavBytes({
      channels: 2,
      samples: [noise(1000), noise(1000, 0.5, 4)],
      declaredDataSize: 0,
    });
    const r = parse(bytes);
    expect(r.frames).toBe(1000);
    expect(r.warnings).toEqual(['data chunk size is 0; taking the rest of the file as audio']);
  });

  it('warns for a metadata chunk cut short after the audio', () => {
    const bytes = wavBytes({
      ...audio,
      chunks: { afterData: true, list: { INAM: 'a long title here', IART: 'x' } },
    });
    const r = parse(bytes.subarray(0, bytes.length - 6));
    expect(r.frames).toBe(4410);
    expect(r.embedded.title).toBe('a long title here');
    expect(r.warnings[0]).toMatch(/cut short/);
  });
});

describe('WAV bad input', () => {
  it('data chunk larger than the file: a warning, the duration from the real size', () => {
    const bytes = wavBytes({
      channels: 2,
      frames: 1000,
      samples: [noise(1000), noise(1000, 0.5, 2)],
    });
    const cut = bytes.subarray(0, 44 + 400 * 4 + 2);
    const r = parse(cut);
    expect(r.frames).toBe(400);
    expect(r.durationSec).toBeCloseTo(400 / 44_100, 9);
    expect(r.audioLength).toBe(1602);
    expect(r.warnings[0]).toBe('data chunk declares 4000 bytes but only 1602 are present');
  });

  it.each([
    ['cut at 20 bytes (inside fmt)', (b: Buffer) => b.subarray(0, 20), 'TRUNCATED_FILE'],
    ['cut at 16 bytes', (b: Buffer) => b.subarray(0, 16), 'TRUNCATED_FILE'],
    ['cut right after the RIFF header', (b: Buffer) => b.subarray(0, 12), 'TRUNCATED_FILE'],
    ['cut before the data chunk', (b: Buffer) => b.subarray(0, 40), 'TRUNCATED_FILE'],
  ])('%s → %s', (_name, cut, code) => {
    expect(codeOf(() => parse(cut(wavBytes({ frames: 100 }))))).toBe(code);
  });

  it.each([
    ['0 channels', { fmtOverride: { channels: 0 } }, 'CORRUPT_FILE'],
    ['sample rate 0', { fmtOverride: { sampleRate: 0 } }, 'CORRUPT_FILE'],
    ['A-law', { fmtOverride: { formatTag: 6 } }, 'UNSUPPORTED_FORMAT'],
    ['MP3 in WAV', { fmtOverride: { formatTag: 0x55 } }, 'UNSUPPORTED_FORMAT'],
    ['Vorbis in WAV', { fmtOverride: { formatTag: 0x674f } }, 'UNSUPPORTED_FORMAT'],
  ])('fmt with %s → %s', (_name, options, code) => {
    expect(codeOf(() => parse(wavBytes({ frames: 10, ...options })))).toBe(code);
  });

  it('names the unsupported codec', () => {
    expect(() => parse(wavBytes({ frames: 10, fmtOverride: { formatTag: 0x11 } }))).toThrow(
      /IMA ADPCM/,
    );
  });

  it('rejects a garbage chunk id before the audio', () => {
    const bytes = wavBytes({ frames: 10 });
    bytes.write('\x01\x02\x03\x04', 12, 'latin1');
    expect(codeOf(() => parse(bytes))).toBe('CORRUPT_FILE');
  });

  it('rejects a complete file without data chunk, or without fmt chunk', () => {
    const noData = Buffer.concat([
      Buffer.from('RIFF\x1c\x00\x00\x00WAVE', 'latin1'),
      riffChunk('fmt ', wavBytes().subarray(20, 36)),
    ]);
    expect(codeOf(() => parse(noData))).toBe('CORRUPT_FILE');
    const noFmt = Buffer.concat([
      Buffer.from('RIFF\x10\x00\x00\x00WAVE', 'latin1'),
      riffChunk('data', Buffer.alloc(4)),
    ]);
    expect(codeOf(() => parse(noFmt))).toBe('CORRUPT_FILE');
  });

  it('rejects impossible sample formats', () => {
    const bytes = wavBytes({ frames: 10, bitDepth: 16, fmtOverride: { formatTag: 3 } });
    expect(codeOf(() => parse(bytes))).toBe('CORRUPT_FILE');
    const zeroBits = wavBytes({ frames: 10 });
    zeroBits.writeUInt16LE(0, 34);
    expect(codeOf(() => parse(zeroBits))).toBe('CORRUPT_FILE');
    const ext = wavBytes({ frames: 10, extensible: true });
    ext[20 + 24 + 4] = 0x55; // break the GUID tail
    expect(codeOf(() => parse(ext))).toBe('UNSUPPORTED_FORMAT');
  });

  it('warns about an inconsistent block align and uses the computed one', () => {
    const r = parse(wavBytes({ channels: 2, frames: 10, fmtOverride: { blockAlign: 3 } }));
    expect(r.frames).toBe(10);
    expect(r.warnings[0]).toMatch(/block align 3/);
  });
});
