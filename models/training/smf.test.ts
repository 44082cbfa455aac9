import { describe, expect, it } from 'vitest';
import { varLen, writeSmf, writeSmfTracks, type MidiEvent } from './smf';

interface Parsed {
  format: number;
  tracks: number;
  division: number;
  events: { tick: number; bytes: number[] }[];
}

/** A minimal SMF reader (format 0, no running status): the writer's counterpart. */
function parseSmf(bytes: Uint8Array): Parsed {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  expect(tag(0)).toBe('MThd');
  expect(v.getUint32(4)).toBe(6);
  expect(tag(14)).toBe('MTrk');
  const len = v.getUint32(18);
  expect(22 + len).toBe(bytes.length);
  let p = 22;
  let tick = 0;
  const events: { tick: number; bytes: number[] }[] = [];
  const readVar = () => {
    let value = 0;
    for (;;) {
      const b = bytes[p++] as number;
      value = (value << 7) | (b & 0x7f);
      if (!(b & 0x80)) return value;
    }
  };
  while (p < bytes.length) {
    tick += readVar();
    const status = bytes[p] as number;
    let size: number;
    if (status === 0xff) size = 3 + (bytes[p + 2] as number);
    else if ((status & 0xf0) === 0xc0) size = 2;
    else size = 3;
    events.push({ tick, bytes: Array.from(bytes.subarray(p, p + size)) });
    p += size;
  }
  return { format: v.getUint16(8), tracks: v.getUint16(10), division: v.getUint16(12), events };
}

describe('writeSmf', () => {
  it('writes events that parse back in time order with the right bytes', () => {
    const events: MidiEvent[] = [
      { tick: 1500, type: 'noteOff', channel: 0, key: 40 },
      { tick: 0, type: 'noteOn', channel: 0, key: 40, velocity: 100 },
      { tick: 0, type: 'program', channel: 0, program: 33 },
      { tick: 0, type: 'tempo', microsPerQuarter: 1_000_000 },
      { tick: 200_000, type: 'controller', channel: 9, controller: 0, value: 0 },
      { tick: 200_000, type: 'noteOn', channel: 9, key: 36, velocity: 127 },
    ];
    const parsed = parseSmf(writeSmf(events));
    expect(parsed).toMatchObject({ format: 0, tracks: 1, division: 1000 });
    expect(parsed.events).toEqual([
      { tick: 0, bytes: [0xff, 0x51, 0x03, 0x0f, 0x42, 0x40] },
      { tick: 0, bytes: [0xc0, 33] },
      { tick: 0, bytes: [0x90, 40, 100] },
      { tick: 1500, bytes: [0x80, 40, 0x40] },
      { tick: 200_000, bytes: [0xb9, 0, 0] },
      { tick: 200_000, bytes: [0x99, 36, 127] },
      { tick: 200_000, bytes: [0xff, 0x2f, 0x00] },
    ]);
  });

  it('encodes variable-length quantities as the SMF spec examples', () => {
    expect(varLen(0)).toEqual([0x00]);
    expect(varLen(0x40)).toEqual([0x40]);
    expect(varLen(0x80)).toEqual([0x81, 0x00]);
    expect(varLen(0x2000)).toEqual([0xc0, 0x00]);
    expect(varLen(0x0fffffff)).toEqual([0xff, 0xff, 0xff, 0x7f]);
  });

  it('rejects out-of-range values', () => {
    expect(() => writeSmf([{ tick: 0, type: 'noteOn', channel: 16, key: 1, velocity: 1 }])).toThrow(
      RangeError,
    );
    expect(() =>
      writeSmf([{ tick: 0, type: 'noteOn', channel: 0, key: 128, velocity: 1 }]),
    ).toThrow(RangeError);
    expect(() => writeSmf([{ tick: -1, type: 'program', channel: 0, program: 1 }])).toThrow(
      RangeError,
    );
    expect(() => writeSmf([], { division: 0 })).toThrow(RangeError);
  });

  it('writes a format-1 file of several tracks, keeping setup events in the order given', () => {
    const bytes = writeSmfTracks(
      [
        [
          { tick: 0, type: 'tempo', microsPerQuarter: 500_000 },
          {
            tick: 0,
            type: 'timeSignature',
            numerator: 4,
            denominatorPower: 2,
            clocksPerClick: 24,
            thirtySecondsPerQuarter: 8,
          },
        ],
        [
          { tick: 480, type: 'noteOn', channel: 1, key: 60, velocity: 90 },
          { tick: 0, type: 'program', channel: 1, program: 5 },
          { tick: 0, type: 'controller', channel: 1, controller: 7, value: 100 },
          { tick: 960, type: 'noteOff', channel: 1, key: 60, velocity: 0 },
        ],
      ],
      { division: 480 },
    );
    const v = new DataView(bytes.buffer);
    expect([v.getUint16(8), v.getUint16(10), v.getUint16(12)]).toEqual([1, 2, 480]);
    const first = 14 + 8 + v.getUint32(18);
    expect(Array.from(bytes.subarray(22, first))).toEqual([
      0, 0xff, 0x51, 0x03, 0x07, 0xa1, 0x20, 0, 0xff, 0x58, 0x04, 4, 2, 24, 8, 0, 0xff, 0x2f, 0,
    ]);
    expect(String.fromCharCode(...bytes.subarray(first, first + 4))).toBe('MTrk');
    expect(Array.from(bytes.subarray(first + 8))).toEqual([
      0, 0xc1, 5, 0, 0xb1, 7, 100, 0x83, 0x60, 0x91, 60, 90, 0x83, 0x60, 0x81, 60, 0, 0, 0xff, 0x2f,
      0,
    ]);
    expect(() => writeSmfTracks([[], []], { format: 0 })).toThrow(RangeError);
  });
});
