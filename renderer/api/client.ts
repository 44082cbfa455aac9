import type { SampleMindApi, SampleMindBridge } from '../../shared/contract';
import { AUDIO_PATH, PEAKS_PATH, sampleUrl } from '../../shared/wire';
import { createWsClient } from './wsClient';

declare global {
  interface Window {
    samplemind?: SampleMindBridge;
  }
}

/** The desktop bridge when the preload exposed one, else the web-mode WebSocket client. */
export const bridge: SampleMindBridge | null = window.samplemind ?? null;
export const api: SampleMindApi = bridge ?? createWsClient();
export const isDesktop = bridge !== null;

/** Where the audio of a sample is served: the sample:// protocol in the desktop app, HTTP in web mode. */
export function audioUrl(sampleId: number): string {
  return isDesktop ? sampleUrl('audio', sampleId) : `${AUDIO_PATH}${sampleId}`;
}

/** Where the precomputed waveform peaks of a sample are served. */
export function peaksUrl(sampleId: number): string {
  return isDesktop ? sampleUrl('peaks', sampleId) : `${PEAKS_PATH}${sampleId}`;
}

/** An absolute URL of a sample's audio (for DownloadURL drags out of the browser). */
export function absoluteAudioUrl(sampleId: number): string {
  return new URL(audioUrl(sampleId), location.href).href;
}
