import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
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

interface PageSpec {
  serial?: number;
  flags?: number;
  /** -1 for "no packet ends here". */
  granule?: number;
  /** Packets laced into this page; `open` leaves the last one continuing on the next page. */
  packets: Buffer[];
  open?: boolean;
}

/** One Ogg page (CRC left zero: the probe does not check it). */
function page(spec: PageSpec): Buffer {
  const lacing: number[] = [];
  spec.packets.forEach((p, i) => {
    let n = p.length;
    while (n >= 255) {
      lacing.push(255);
      n -= 255;
    }
    if (!(spec.open === true && i === spec.packets.length - 1)) lacing.push(n);
  });
  const h = Buffer.alloc(27 + lacing.length);
  h.write('OggS', 0, 'latin1');
  h[5] = spec.flags ?? 0;
  const g = spec.granule ?? 0;
  if (g < 0) h.fill(0xff, 6, 14);
  else h.writeBigUInt64LE(BigInt(g), 6);
  h.writeUInt32LE(spec.serial ?? 1, 14);
  h[26] = lacing.length;
  Buffer.from(lacing).copy(h, 27);
  return Buffer.concat([h, ...spec.packets]);
}

function comments(prefix: Buffer, fields: string[], vendor = 'test vendor'): Buffer {
  const parts = [prefix, u32(vendor.length), Buffer.from(vendor), u32(fields.length)];
  for (const f of fields) parts.push(u32(Buffer.byteLength(f)), Buffer.from(f));
  return Buffer.concat(parts);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

function vorbisId(channels: number, rate: number): Buffer {
  const b = Buffer.alloc(30);
  b[0] = 1;
  b.write('vorbis', 1, 'latin1');
  b[11] = channels;
  b.writeUInt32LE(rate, 12);
  b[29] = 1;
  return b;
}

const vorbisComments = (fields: string[]) => comments(Buffer.from('\x03vorbis', 'latin1'), fields);
const setup = Buffer.concat([Buffer.from('\x05vorbis', 'latin1'), Buffer.alloc(3000, 7)]);
const audio = (n: number) => Buffer.alloc(n, 0x33);

function opusHead(channels: number, preSkip: number): Buffer {
  const b = Buffer.alloc(19);
  b.write('OpusHead', 0, 'latin1');
  b[8] = 1;
  b[9] = channels;
  b.writeUInt16LE(preSkip, 10);
  b.writeUInt32LE(44_100, 12);
  return b;
}

describe('Ogg Vorbis / Opus (synthetic pages)', () => {
  it('reads a Vorbis stream: headers, comments, last granule', () => {
    const headerPages = Buffer.concat([
      page({ flags: 2, packets: [vorbisId(2, 44_100)] }),
      page({ packets: [vorbisComments(['BPM=128', 'key=Gm', 'TITLE=Pads', 'nonsense']), setup] }),
    ]);
    const file = Buffer.concat([
      headerPages,
      page({ granule: 22_050, packets: [audio(400)] }),
      page({ granule: 66_150, flags: 4, packets: [audio(400)] }),
    ]);
    const r = parse(file);
    expect(r).toMatchObject({
      format: 'ogg',
      codec: 'vorbis',
      sampleRate: 44_100,
      channels: 2,
      frames: 66_150,
      bitDepth: null,
    });
    expect(r.durationSec).toBeCloseTo(1.5, 9);
    expect(r.embedded).toEqual({ bpm: 128, key: 'G minor', title: 'Pads' });
    expect(r.audioOffset).toBe(headerPages.length);
    expect(r.audioLength).toBe(file.length - headerPages.length);
  });

  it('reassembles a comment packet spread over several pages', () => {
    const big = vorbisComments(['ARTIST=' + 'x'.repeat(70_000), 'BPM=90']);
    const first = big.subarray(0, 255 * 200);
    const rest = big.subarray(255 * 200);
    const file = Buffer.concat([
      page({ flags: 2, packets: [vorbisId(1, 48_000)] }),
      page({ packets: [first], open: true }),
      page({ flags: 1, granule: -1, packets: [rest, setup] }),
      page({ granule: 48_000, packets: [audio(100)] }),
    ]);
    const r = parse(file);
    expect(r.embedded.bpm).toBe(90);
    expect(r.embedded.artist?.length).toBe(1000); // capped
    expect(r.durationSec).toBe(1);
  });

  it('reads Opus: 48 kHz, pre-skip taken off', () => {
    const file = Buffer.concat([
      page({ flags: 2, packets: [opusHead(2, 312)] }),
      page({ packets: [comments(Buffer.from('OpusTags'), ['TEMPO=140', 'GENRE=Trap'])] }),
      page({ granule: 48_312, flags: 4, packets: [audio(200)] }),
    ]);
    const r = parse(file);
    expect(r).toMatchObject({
      codec: 'opus',
      sampleRate: 48_000,
      channels: 2,
      frames: 48_000,
      durationSec: 1,
    });
    expect(r.embedded).toEqual({ bpm: 140, genre: 'Trap' });
  });

  it('picks the audio stream after a Skeleton stream and skips other streams’ pages', () => {
    const skeleton = Buffer.concat([Buffer.from('fishead\0', 'latin1'), Buffer.alloc(56)]);
    const file = Buffer.concat([
      page({ flags: 2, serial: 9, packets: [skeleton] }),
      page({ flags: 2, serial: 5, packets: [vorbisId(1, 22_050)] }),
      page({ serial: 9, packets: [Buffer.alloc(10)] }),
      page({ serial: 5, packets: [vorbisComments([]), setup] }),
      page({ serial: 5, granule: 11_025, packets: [audio(50)] }),
      page({ serial: 9, granule: 999_999, packets: [audio(10)] }),
    ]);
    expect(parse(file)).toMatchObject({ codec: 'vorbis', sampleRate: 22_050, durationSec: 0.5 });
  });

  it('warns when the last page of the stream is not found (chained file)', () => {
    const file = Buffer.concat([
      page({ flags: 2, packets: [vorbisId(1, 44_100)] }),
      page({ packets: [vorbisComments([]), setup] }),
      page({ granule: -1, packets: [audio(100)], open: true }),
      page({ flags: 2, serial: 77, packets: [vorbisId(1, 44_100)] }),
    ]);
    const r = parse(file);
    expect(r.durationSec).toBeNull();
    expect(r.warnings[0]).toMatch(/last Ogg page/);
  });

  it('names unsupported Ogg codecs and rejects non-audio streams', () => {
    const one = (packet: Buffer) => page({ flags: 2, packets: [packet] });
    expect(() => parse(one(Buffer.from('Speex   \0\0\0\0'.padEnd(80, '\0'))))).toThrow(/Ogg Speex/);
    expect(
      codeOf(() => parse(one(Buffer.from('\x7fFLAC\x01\x00'.padEnd(60, '\0'), 'latin1')))),
    ).toBe('CORRUPT_FILE');
    expect(() => parse(one(Buffer.from('\x80theora'.padEnd(60, '\0'), 'latin1')))).toThrow(
      /Theora/,
    );
    expect(() => parse(one(Buffer.from('fishead\0'.padEnd(60, '\0'))))).toThrow(/Skeleton/);
    expect(codeOf(() => parse(one(Buffer.from('mystery'.padEnd(60, '\0')))))).toBe('NOT_AUDIO');
    expect(codeOf(() => parse(page({ packets: [vorbisId(1, 8000)] })))).toBe('CORRUPT_FILE');
  });

  it('truncated, corrupt and impossible headers', () => {
    const id = page({ flags: 2, packets: [vorbisId(2, 44_100)] });
    expect(codeOf(() => parse(id))).toBe('TRUNCATED_FILE');
    const full = Buffer.concat([id, page({ packets: [vorbisComments([]), setup] })]);
    expect(codeOf(() => parse(full.subarray(0, full.length - 100)))).toBe('TRUNCATED_FILE');
    expect(codeOf(() => parse(Buffer.concat([id, Buffer.from('NotAPage'.repeat(10))])))).toBe(
      'CORRUPT_FILE',
    );
    expect(codeOf(() => parse(Buffer.concat([id.subarray(0, 20), Buffer.alloc(0)])))).toBe(
      'TRUNCATED_FILE',
    );
    const zero = Buffer.concat([
      page({ flags: 2, packets: [vorbisId(0, 44_100)] }),
      page({ packets: [vorbisComments([]), setup] }),
    ]);
    expect(codeOf(() => parse(zero))).toBe('CORRUPT_FILE');
    const noRate = Buffer.concat([
      page({ flags: 2, packets: [vorbisId(1, 0)] }),
      page({ packets: [vorbisComments([]), setup] }),
    ]);
    expect(codeOf(() => parse(noRate))).toBe('CORRUPT_FILE');
    const shortOpus = Buffer.concat([
      page({ flags: 2, packets: [opusHead(1, 0).subarray(0, 12)] }),
      page({ packets: [Buffer.from('OpusTags')] }),
    ]);
    expect(codeOf(() => parse(shortOpus))).toBe('TRUNCATED_FILE');
  });
});
