/** A minimal Standard MIDI File (type 1) writer for the evaluation sets. */

export interface MidiNote {
  /** Start in beats (quarter notes). */
  start: number;
  /** Length in beats. */
  length: number;
  note: number;
  velocity: number;
}

export interface MidiTrack {
  channel: number;
  /** General MIDI program (ignored on channel 9, the drum channel). */
  program: number;
  notes: MidiNote[];
  /** Channel volume (CC7), 0–127. */
  volume?: number;
}

const PPQ = 480;

function varLen(value: number): number[] {
  let v = Math.max(0, Math.round(value));
  const bytes = [v & 0x7f];
  v >>= 7;
  while (v > 0) {
    bytes.unshift((v & 0x7f) | 0x80);
    v >>= 7;
  }
  return bytes;
}

function chunk(id: string, body: number[]): number[] {
  const n = body.length;
  return [...id]
    .map((c) => c.charCodeAt(0))
    .concat([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff], body);
}

function trackBytes(events: Array<{ tick: number; order: number; data: number[] }>): number[] {
  events.sort((a, b) => a.tick - b.tick || a.order - b.order);
  const out: number[] = [];
  let last = 0;
  for (const e of events) {
    out.push(...varLen(e.tick - last), ...e.data);
    last = e.tick;
  }
  out.push(0x00, 0xff, 0x2f, 0x00);
  return chunk('MTrk', out);
}

/** Builds an SMF: a tempo track and one track per instrument. */
export function writeMidi(bpm: number, tracks: MidiTrack[]): Uint8Array {
  const usPerBeat = Math.round(60_000_000 / bpm);
  const tempoTrack = trackBytes([
    {
      tick: 0,
      order: 0,
      data: [0xff, 0x51, 0x03, (usPerBeat >> 16) & 0xff, (usPerBeat >> 8) & 0xff, usPerBeat & 0xff],
    },
    { tick: 0, order: 1, data: [0xff, 0x58, 0x04, 4, 2, 24, 8] },
  ]);
  const body: number[] = [];
  for (const t of tracks) {
    const ch = t.channel & 0x0f;
    const events: Array<{ tick: number; order: number; data: number[] }> = [
      { tick: 0, order: 0, data: [0xc0 | ch, t.program & 0x7f] },
      { tick: 0, order: 1, data: [0xb0 | ch, 7, t.volume ?? 100] },
    ];
    for (const n of t.notes) {
      const on = Math.round(n.start * PPQ);
      const off = Math.max(on + 1, Math.round((n.start + n.length) * PPQ));
      events.push({
        tick: on,
        order: 3,
        data: [0x90 | ch, n.note & 0x7f, Math.max(1, Math.min(127, Math.round(n.velocity)))],
      });
      events.push({ tick: off, order: 2, data: [0x80 | ch, n.note & 0x7f, 0] });
    }
    body.push(...trackBytes(events));
  }
  const header = chunk('MThd', [0, 1, 0, tracks.length + 1, (PPQ >> 8) & 0xff, PPQ & 0xff]);
  return Uint8Array.from([...header, ...tempoTrack, ...body]);
}
