import { describe, expect, it } from 'vitest';
import { id3v2Bytes } from '../library/test-support/audioFixtures';
import {
  decodeStrings,
  parseId3v1,
  parseId3v2,
  readId3v2Header,
  unsynchronise,
} from '../../shared/formats/id3';
import { resolveTcon } from '../../shared/formats/id3Genres';

describe('ID3v2', () => {
  const frames = {
    TBPM: '128',
    TKEY: 'F#m',
    TIT2: 'Tïtle',
    TPE1: 'Artist',
    TALB: 'Album',
    TCON: 'House',
    COMM: 'hello',
    TSSE: 'LAME',
  };
  const expected = {
    bpm: 128,
    key: 'F# minor',
    title: 'Tïtle',
    artist: 'Artist',
    album: 'Album',
    genre: 'House',
    comment: 'hello',
    software: 'LAME',
  };

  it.each([
    ['v2.3 latin1', { version: 3, encoding: 0 }],
    ['v2.3 UTF-16 with BOM', { version: 3, encoding: 1 }],
    ['v2.4 UTF-8', { version: 4, encoding: 3 }],
    ['v2.4 UTF-16BE', { version: 4, encoding: 2 }],
  ] as const)('reads %s', (_name, options) => {
    expect(parseId3v2(id3v2Bytes(frames, { ...options, padding: 64 }))).toEqual(expected);
  });

  it('reads v2.2 three-letter frames', () => {
    const tag = id3v2Bytes(
      { TBP: '90', TKE: 'C', TT2: 'old', TP1: 'who', TAL: 'alb', TCO: '(17)', COM: 'c', TSS: 'sw' },
      { version: 2 },
    );
    expect(parseId3v2(tag)).toEqual({
      bpm: 90,
      key: 'C major',
      title: 'old',
      artist: 'who',
      album: 'alb',
      genre: 'Rock',
      comment: 'c',
      software: 'sw',
    });
  });

  it('uses TXXX BPM / KEY when the standard frames are missing', () => {
    const tag = id3v2Bytes({
      'TXXX:BPM': '174',
      'TXXX:INITIALKEY': '8A',
      'TXXX:KEYWORDS': 'dnb; amen',
      'TXXX:other': 'x',
    });
    expect(parseId3v2(tag)).toEqual({ bpm: 174, key: 'A minor', keywords: ['dnb', 'amen'] });
    const both = id3v2Bytes({ TBPM: '100', 'TXXX:BPM': '174' });
    expect(parseId3v2(both).bpm).toBe(100);
  });

  it('drops implausible BPMs and unreadable keys', () => {
    expect(parseId3v2(id3v2Bytes({ TBPM: '0', TKEY: 'o' }))).toEqual({});
    expect(parseId3v2(id3v2Bytes({ TBPM: '1200', TKEY: 'Hmaj' }))).toEqual({});
  });

  it('prefers the comment with an empty description and skips iTunes machine comments', () => {
    const itunes = Buffer.concat([
      Buffer.from([0]),
      Buffer.from('eng'),
      Buffer.from('iTunNORM\0 0000 0000', 'latin1'),
    ]);
    const tag = withFrames(3, [['COMM', itunes]]);
    expect(parseId3v2(tag)).toEqual({});
  });

  it('undoes whole-tag unsynchronisation (v2.3) without crashing', () => {
    // Frame sizes count the original bytes; the writer then inserted 0x00 after each 0xFF.
    const frame = frame3('TIT2', Buffer.from('\0A\xffB', 'latin1'));
    const body = Buffer.from(frame.toString('latin1').replace(/\xff/g, '\xff\x00'), 'latin1');
    const tag = Buffer.concat([
      Buffer.from('ID3\x03\x00\x80', 'latin1'),
      syncsafe(body.length),
      body,
    ]);
    expect(parseId3v2(tag).title).toBe('A\xffB');
    expect(unsynchronise(Buffer.from([1, 2, 3]))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('skips an extended header (v2.3 and v2.4)', () => {
    const f = frame3('TBPM', Buffer.from('\x00120', 'latin1'));
    const ext3 = Buffer.from([0, 0, 0, 6, 0, 0, 0, 0, 0, 0]);
    const tag3 = Buffer.concat([
      Buffer.from('ID3\x03\x00\x40', 'latin1'),
      syncsafe(ext3.length + f.length),
      ext3,
      f,
    ]);
    expect(parseId3v2(tag3).bpm).toBe(120);
    const f4 = frame4('TBPM', Buffer.from('\x03121', 'latin1'));
    const ext4 = Buffer.from([0, 0, 0, 6, 1, 0]);
    const tag4 = Buffer.concat([
      Buffer.from('ID3\x04\x00\x40', 'latin1'),
      syncsafe(ext4.length + f4.length),
      ext4,
      f4,
    ]);
    expect(parseId3v2(tag4).bpm).toBe(121);
  });

  it('handles v2.4 frame flags: data length indicator, unsync, compressed frames skipped', () => {
    const dli = frame4(
      'TIT2',
      Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('\x03abcd')]),
      0x01,
    );
    const compressed = frame4('TPE1', Buffer.from('\x03zzzz'), 0x08);
    const unsynced = frame4('TALB', Buffer.from('\x00x\xff\x00y', 'latin1'), 0x02);
    const body = Buffer.concat([dli, compressed, unsynced]);
    const tag = Buffer.concat([
      Buffer.from('ID3\x04\x00\x00', 'latin1'),
      syncsafe(body.length),
      body,
    ]);
    expect(parseId3v2(tag)).toEqual({ title: 'abcd', album: 'x\xffy' });
  });

  it('reads v2.4 frame sizes that a writer stored as plain integers', () => {
    const text = Buffer.concat([Buffer.from([3]), Buffer.from('x'.repeat(200))]);
    const h = Buffer.alloc(10);
    h.write('TIT2', 0, 'latin1');
    h.writeUInt32BE(text.length, 4); // 201 = 0x000000c9: not syncsafe
    const body = Buffer.concat([h, text]);
    const tag = Buffer.concat([
      Buffer.from('ID3\x04\x00\x00', 'latin1'),
      syncsafe(body.length),
      body,
    ]);
    expect(parseId3v2(tag).title).toBe('x'.repeat(200));
  });

  it('stops at a frame that does not fit, and survives a tag cut short', () => {
    const tag = id3v2Bytes({ TIT2: 'first', TPE1: 'second' });
    expect(parseId3v2(tag.subarray(0, tag.length - 3))).toEqual({ title: 'first' });
    expect(parseId3v2(tag.subarray(0, 12))).toEqual({});
    expect(parseId3v2(Buffer.from('not a tag'))).toEqual({});
  });

  it('reads headers: size, footer, bad versions', () => {
    expect(readId3v2Header(id3v2Bytes({ TIT2: 'x' }))).toEqual({
      version: 3,
      flags: 0,
      totalSize: 10 + 12,
    });
    const footer = Buffer.from('ID3\x04\x00\x10\x00\x00\x00\x05', 'latin1');
    expect(readId3v2Header(footer)?.totalSize).toBe(25);
    expect(readId3v2Header(Buffer.from('ID3\x05\x00\x00\x00\x00\x00\x05', 'latin1'))).toBeNull();
    expect(readId3v2Header(Buffer.from('ID3\x03\x00\x00\x80\x00\x00\x05', 'latin1'))).toBeNull();
    expect(readId3v2Header(Buffer.from('ID3'))).toBeNull();
  });

  it('decodes every text encoding and splits values', () => {
    expect(decodeStrings(0, Buffer.from('a\0b\0', 'latin1'))).toEqual(['a', 'b']);
    expect(decodeStrings(3, Buffer.from('ü'))).toEqual(['ü']);
    expect(decodeStrings(1, Buffer.from([0xfe, 0xff, 0, 0x41, 0, 0, 0xff, 0xfe, 0x42, 0]))).toEqual(
      ['A', 'B'],
    );
  });
});

describe('ID3 genres and ID3v1', () => {
  it('resolves TCON numbers and refinements', () => {
    expect(resolveTcon('(17)')).toBe('Rock');
    expect(resolveTcon('52')).toBe('Electronic');
    expect(resolveTcon('(127)')).toBe('Drum & Bass');
    expect(resolveTcon('(18)Techno Minimal')).toBe('Techno Minimal');
    expect(resolveTcon('(RX)')).toBe('Remix');
    expect(resolveTcon('CR')).toBe('Cover');
    expect(resolveTcon('Dubstep')).toBe('Dubstep');
    expect(resolveTcon('(250)')).toBeUndefined();
  });

  it('reads ID3v1 and ID3v1.1', () => {
    const v1 = Buffer.alloc(128);
    v1.write('TAG', 0, 'latin1');
    v1.write('Title', 3, 'latin1');
    v1.write('Artist', 33, 'latin1');
    v1.write('Album', 63, 'latin1');
    v1.write('A comment', 97, 'latin1');
    v1[126] = 7; // track number (v1.1)
    v1[127] = 31;
    expect(parseId3v1(v1)).toEqual({
      title: 'Title',
      artist: 'Artist',
      album: 'Album',
      comment: 'A comment',
      genre: 'Trance',
    });
    v1[127] = 255;
    expect(parseId3v1(v1)?.genre).toBeUndefined();
    expect(parseId3v1(Buffer.alloc(128))).toBeNull();
  });
});

function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

function frame3(id: string, body: Buffer): Buffer {
  const h = Buffer.alloc(10);
  h.write(id, 0, 'latin1');
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
}

function frame4(id: string, body: Buffer, formatFlags = 0): Buffer {
  const h = Buffer.alloc(10);
  h.write(id, 0, 'latin1');
  syncsafe(body.length).copy(h, 4);
  h[9] = formatFlags;
  return Buffer.concat([h, body]);
}

function withFrames(version: 3, frames: Array<[string, Buffer]>): Buffer {
  const body = Buffer.concat(frames.map(([id, b]) => frame3(id, b)));
  return Buffer.concat([
    Buffer.from([0x49, 0x44, 0x33, version, 0, 0]),
    syncsafe(body.length),
    body,
  ]);
}
