import * as Tone from 'tone';
import { beatSeconds, type SyncPlan } from '../lib/sync';

/**
 * Sync-mode voice (code-split: Tone.js loads only when sync or the metronome is used).
 * Loops go through a GrainPlayer (tempo change with the pitch kept, then detuned by
 * the key shift); tonal one-shots are repitched like a sampler.
 */
let player: Tone.GrainPlayer | Tone.Player | null = null;
const volume = new Tone.Volume(0).toDestination();
const buffers = new Map<string, Tone.ToneAudioBuffer>();

async function bufferFor(url: string): Promise<Tone.ToneAudioBuffer> {
  const hit = buffers.get(url);
  if (hit) return hit;
  const b = await new Tone.ToneAudioBuffer().load(url);
  if (buffers.size > 16) buffers.delete(buffers.keys().next().value as string);
  buffers.set(url, b);
  return b;
}

function toDb(gain: number): number {
  return gain <= 0.0001 ? -Infinity : 20 * Math.log10(gain);
}

export async function playSynced(
  url: string,
  plan: SyncPlan,
  loop: boolean,
  gain: number,
): Promise<void> {
  await Tone.start();
  stopSynced();
  const buffer = await bufferFor(url);
  volume.volume.value = toDb(gain);
  if (plan.engine === 'stretch') {
    const g = new Tone.GrainPlayer(buffer).connect(volume);
    g.playbackRate = plan.rate;
    g.detune = plan.semitones * 100;
    g.loop = loop;
    g.grainSize = 0.1;
    g.overlap = 0.05;
    player = g;
  } else {
    const p = new Tone.Player(buffer).connect(volume);
    p.playbackRate = plan.rate;
    p.loop = loop;
    player = p;
  }
  player.start();
}

export function stopSynced(): void {
  if (!player) return;
  try {
    player.stop();
  } catch {
    /* not started */
  }
  player.dispose();
  player = null;
}

export function setSyncedVolume(gain: number): void {
  volume.volume.value = toDb(gain);
}

let click: Tone.Loop | null = null;
let synth: Tone.MembraneSynth | null = null;

/** The metronome: a click on every beat of the project tempo (accent on the one). */
export async function setMetronome(on: boolean, bpm: number): Promise<void> {
  await Tone.start();
  const transport = Tone.getTransport();
  transport.bpm.value = bpm;
  if (!on) {
    click?.dispose();
    click = null;
    transport.stop();
    return;
  }
  synth ??= new Tone.MembraneSynth({ octaves: 2, pitchDecay: 0.01 }).connect(volume);
  let beat = 0;
  click?.dispose();
  click = new Tone.Loop((time) => {
    synth?.triggerAttackRelease(beat % 4 === 0 ? 'C6' : 'G5', 0.03, time, 0.6);
    beat++;
  }, beatSeconds(bpm)).start(0);
  transport.start();
}
