/**
 * A tiny Standard MIDI File writer (format 0, one track): enough to drive fluidsynth
 * with notes, program and bank changes. Times are in ticks; with the default division
 * of 1000 ticks per quarter and a tempo of 1,000,000 µs per quarter, 1 tick = 1 ms.
 */

export type MidiEvent =
  | { tick: number; type: 'noteOn'; channel: number; key: number; velocity: number }
  | { tick: number; type: 'noteOff'; channel: number; key: number }
  | { tick: number; type: 'program'; channel: number; program: number }
  | { tick: number; type: 'controller'; channel: number; controller: number; value: number }
  | { tick: number; type: 'tempo'; microsPerQuarter: number };

export interface SmfOptions {
  /** Ticks per quarter note (default 1000). */
  division?: number;
}

/** Order of events that share a tick: setup first, then releases, then new notes. */
const ORDER: Record<MidiEvent['type'], number> = {
  tempo: 0,
  controller: 1,
  program: 2,
  noteOff: 3,
  noteOn: 4,
};

function check(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

/** MIDI variable-length quantity. */
export function varLen(value: number): number[] {
  check(value, 0, 0x0fffffff, 'variable-length value');
  const bytes = [value & 0x7f];
  let v = value >>> 7;
  while (v > 0) {
    bytes.unshift((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  return bytes;
}

function eventBytes(e: MidiEvent): number[] {
  switch (e.type) {
    case 'noteOn':
      return [
        0x90 | check(e.channel, 0, 15, 'channel'),
        check(e.key, 0, 127, 'key'),
        check(e.velocity, 1, 127, 'velocity'),
      ];
    case 'noteOff':
      return [0x80 | check(e.channel, 0, 15, 'channel'), check(e.key, 0, 127, 'key'), 0x40];
    case 'program':
      return [0xc0 | check(e.channel, 0, 15, 'channel'), check(e.program, 0, 127, 'program')];
    case 'controller':
      return [
        0xb0 | check(e.channel, 0, 15, 'channel'),
        check(e.controller, 0, 127, 'controller'),
        check(e.value, 0, 127, 'controller value'),
      ];
    case 'tempo': {
      const t = check(e.microsPerQuarter, 1, 0xffffff, 'tempo');
      return [0xff, 0x51, 0x03, (t >> 16) & 0xff, (t >> 8) & 0xff, t & 0xff];
    }
  }
}

/** Serialises events (any order; sorted stably by tick) into a format-0 SMF. */
export function writeSmf(events: readonly MidiEvent[], options: SmfOptions = {}): Uint8Array {
  const division = check(options.division ?? 1000, 1, 0x7fff, 'division');
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.tick - b.e.tick || ORDER[a.e.type] - ORDER[b.e.type] || a.i - b.i)
    .map(({ e }) => e);
  const track: number[] = [];
  let now = 0;
  for (const e of sorted) {
    check(e.tick, 0, 0x0fffffff, 'tick');
    track.push(...varLen(e.tick - now), ...eventBytes(e));
    now = e.tick;
  }
  track.push(0x00, 0xff, 0x2f, 0x00); // end of track
  const out = new Uint8Array(14 + 8 + track.length);
  const view = new DataView(out.buffer);
  out.set([0x4d, 0x54, 0x68, 0x64], 0); // MThd
  view.setUint32(4, 6);
  view.setUint16(8, 0); // format 0
  view.setUint16(10, 1); // one track
  view.setUint16(12, division);
  out.set([0x4d, 0x54, 0x72, 0x6b], 14); // MTrk
  view.setUint32(18, track.length);
  out.set(track, 22);
  return out;
}
