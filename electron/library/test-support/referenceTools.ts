/**
 * Reference tools for tests (never used by the app at run time): ffmpeg to make
 * compressed fixtures (FLAC, Ogg Vorbis/Opus, MP3), ffprobe / soxi to check what our
 * own readers report. Tests skip, with a message, when a tool is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';

function available(command: string, probeArg: string): boolean {
  const r = spawnSync(command, [probeArg], { stdio: 'ignore' });
  return r.error === undefined;
}

let ffmpegChecked: boolean | null = null;
let soxiChecked: boolean | null = null;

export function hasFfmpeg(): boolean {
  ffmpegChecked ??= available('ffmpeg', '-version') && available('ffprobe', '-version');
  return ffmpegChecked;
}

export function hasSoxi(): boolean {
  soxiChecked ??= available('soxi', '-V0');
  return soxiChecked;
}

/**
 * Runs ffmpeg quietly to write `output` (e.g. ['-f', 'lavfi', '-i', 'sine=f=440:d=1',
 * '-c:a', 'flac']). Overwrites the output.
 */
export function ffmpeg(args: string[], output: string): string {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, output], {
    stdio: 'pipe',
  });
  return output;
}

/** Stream facts as ffprobe reports them for the first audio stream. */
export function ffprobeStream(path: string): {
  durationSec: number;
  sampleRate: number;
  channels: number;
} {
  const out = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'a:0',
      '-show_entries',
      'stream=sample_rate,channels:format=duration',
      '-of',
      'json',
      path,
    ],
    { encoding: 'utf8' },
  );
  const json = JSON.parse(out) as {
    streams?: Array<{ sample_rate?: string; channels?: number }>;
    format?: { duration?: string };
  };
  const stream = json.streams?.[0] ?? {};
  return {
    durationSec: Number(json.format?.duration ?? NaN),
    sampleRate: Number(stream.sample_rate ?? NaN),
    channels: Number(stream.channels ?? NaN),
  };
}

/**
 * Frames, duration, sample rate and channels as `soxi` reports them (one call), or null
 * when sox cannot read the file.
 */
export function soxiInfo(
  path: string,
): { frames: number; durationSec: number; sampleRate: number; channels: number } | null {
  const r = spawnSync('soxi', [path], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const field = (name: string) =>
    new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(r.stdout)?.[1] ?? '';
  const frames = Number(/=\s*(\d+) samples/.exec(field('Duration'))?.[1] ?? NaN);
  const sampleRate = Number(field('Sample Rate'));
  return {
    frames,
    durationSec: frames / sampleRate,
    sampleRate,
    channels: Number(field('Channels')),
  };
}
