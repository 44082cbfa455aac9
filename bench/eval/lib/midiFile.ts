/**
 * The eval sets' songs in beats, written with the research code's one SMF writer
 * (models/training/smf.ts) as a format-1 file: a tempo track and one track per instrument.
 */
import { writeSmfTracks, type MidiEvent } from '../../../models/training/smf';

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

function trackEvents(t: MidiTrack): MidiEvent[] {
  const channel = t.channel & 0x0f;
  const events: MidiEvent[] = [
    { tick: 0, type: 'program', channel, program: t.program & 0x7f },
    { tick: 0, type: 'controller', channel, controller: 7, value: t.volume ?? 100 },
  ];
  for (const n of t.notes) {
    const on = Math.round(n.start * PPQ);
    const off = Math.max(on + 1, Math.round((n.start + n.length) * PPQ));
    const key = n.note & 0x7f;
    const velocity = Math.max(1, Math.min(127, Math.round(n.velocity)));
    events.push({ tick: on, type: 'noteOn', channel, key, velocity });
    events.push({ tick: off, type: 'noteOff', channel, key, velocity: 0 });
  }
  return events;
}

/** Builds an SMF: a tempo track (tempo, 4/4) and one track per instrument. */
export function writeMidi(bpm: number, tracks: MidiTrack[]): Uint8Array {
  const tempo: MidiEvent[] = [
    { tick: 0, type: 'tempo', microsPerQuarter: Math.round(60_000_000 / bpm) },
    {
      tick: 0,
      type: 'timeSignature',
      numerator: 4,
      denominatorPower: 2,
      clocksPerClick: 24,
      thirtySecondsPerQuarter: 8,
    },
  ];
  return writeSmfTracks([tempo, ...tracks.map(trackEvents)], { division: PPQ, format: 1 });
}
