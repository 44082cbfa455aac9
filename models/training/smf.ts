/**
 * The research code's one Standard MIDI File writer (the training renders and the eval
 * sets of bench/eval both use it): enough to drive fluidsynth with notes, program, bank
 * and volume changes. Format 0 (one track, `writeSmf`) or format 1 (`writeSmfTracks`).
 * Times are in ticks; with the default division of 1000 ticks per quarter and a tempo of
 * 1,000,000 µs per quarter, 1 tick = 1 ms.
 */

export type MidiEvent =
  | { tick: number; type: 'noteOn'; channel: number; key: number; velocity: number }
  /** `velocity`: the release velocity (default 64). */
  | { tick: number; type: 'noteOff'; channel: number; key: number; velocity?: number }
  | { tick: number; type: 'program'; channel: number; program: number }
  | { tick: number; type: 'controller'; channel: number; controller: number; value: number }
  | { tick: number; type: 'tempo'; microsPerQuarter: number }
  | {
      tick: number;
      type: 'timeSignature';
      numerator: number;
      /** The denominator as a power of two (2 → quarter notes). */
      denominatorPower: number;
      clocksPerClick: number;
      thirtySecondsPerQuarter: number;
    };

export interface SmfOptions {
  /** Ticks per quarter note (default 1000). */
  division?: number;
}

/**
 * Order of events that share a tick: meta events, then channel setup (bank, program and
 * controllers in the order they were given: a bank select must precede its program
 * change), then releases, then new notes.
 */
const ORDER: Record<MidiEvent['type'], number> = {
  tempo: 0,
  timeSignature: 0,
  controller: 1,
  program: 1,
  noteOff: 2,
  noteOn: 3,
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
      return [
        0x80 | check(e.channel, 0, 15, 'channel'),
        check(e.key, 0, 127, 'key'),
        check(e.velocity ?? 0x40, 0, 127, 'release velocity'),
      ];
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
    case 'timeSignature':
      return [
        0xff,
        0x58,
        0x04,
        check(e.numerator, 1, 255, 'numerator'),
        check(e.denominatorPower, 0, 255, 'denominator power'),
        check(e.clocksPerClick, 0, 255, 'clocks per click'),
        check(e.thirtySecondsPerQuarter, 1, 255, '32nds per quarter'),
      ];
  }
}

/** One MTrk chunk: the events sorted stably by tick (then ORDER), end of track appended. */
function trackChunk(events: readonly MidiEvent[]): number[] {
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
  return [0x4d, 0x54, 0x72, 0x6b, ...uint32(track.length), ...track]; // MTrk
}

function uint32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

/** Serialises events (any order; sorted stably by tick) into a format-0 SMF. */
export function writeSmf(events: readonly MidiEvent[], options: SmfOptions = {}): Uint8Array {
  return writeSmfTracks([events], { ...options, format: 0 });
}

/**
 * Serialises tracks (each in any order, sorted stably by tick) into an SMF of `format`
 * (default: 0 for one track, else 1).
 */
export function writeSmfTracks(
  tracks: readonly (readonly MidiEvent[])[],
  options: SmfOptions & { format?: 0 | 1 } = {},
): Uint8Array {
  const division = check(options.division ?? 1000, 1, 0x7fff, 'division');
  const format = options.format ?? (tracks.length === 1 ? 0 : 1);
  if (format === 0 && tracks.length !== 1) throw new RangeError('a format-0 SMF has one track');
  const count = check(tracks.length, 1, 0xffff, 'track count');
  const header = [0x4d, 0x54, 0x68, 0x64, ...uint32(6)]; // MThd
  header.push(0, format, count >> 8, count & 0xff, division >> 8, division & 0xff);
  return Uint8Array.from([...header, ...tracks.flatMap(trackChunk)]);
}
