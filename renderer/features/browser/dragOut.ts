import type { SampleSummary } from '../../../shared/contract';
import { absoluteAudioUrl, bridge } from '../../api/client';

export const SAMPLE_IDS_MIME = 'application/x-samplemind-ids';

const MIME: Record<string, string> = {
  wav: 'audio/wav',
  aiff: 'audio/aiff',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

/**
 * Drag rows out: into a collection in the sidebar (ids), to a DAW or the desktop
 * (Electron native file drag), or in web mode as a DownloadURL of the first file.
 */
export function startRowDrag(e: React.DragEvent, samples: SampleSummary[]): void {
  const ids = samples.map((s) => s.id);
  e.dataTransfer.effectAllowed = 'copy';
  e.dataTransfer.setData(SAMPLE_IDS_MIME, JSON.stringify(ids));
  e.dataTransfer.setData('text/plain', samples.map((s) => s.path).join('\n'));
  const first = samples[0];
  if (bridge) {
    bridge.startDrag(ids);
    return;
  }
  if (first) {
    const mime = MIME[first.format] ?? 'application/octet-stream';
    e.dataTransfer.setData('DownloadURL', `${mime}:${first.name}:${absoluteAudioUrl(first.id)}`);
  }
}

export function idsFromDrop(e: React.DragEvent): number[] {
  try {
    const v: unknown = JSON.parse(e.dataTransfer.getData(SAMPLE_IDS_MIME) || '[]');
    return Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : [];
  } catch {
    return [];
  }
}
