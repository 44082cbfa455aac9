/**
 * The one typed surface between the UI and the backend. Each domain declares its
 * handlers as `{ input, output }` pairs and its events; they are merged here. IPC
 * (Electron) and the WebSocket server (web mode) dispatch the same handler map.
 */
import type { Result } from './result';
import type { AppContract } from './contract/app';
import type { LibraryContract, LibraryEvents } from './contract/library';
import type { AnalysisContract, AnalysisEvents } from './contract/analysis';
import type { ChatContract, ChatEvents } from './contract/chat';
import type { SimilarContract } from './contract/similar';
import type { AiContract, AiEvents } from './contract/ai';

export type Contract = AppContract &
  LibraryContract &
  AnalysisContract &
  ChatContract &
  SimilarContract &
  AiContract;
export type Events = LibraryEvents & AnalysisEvents & ChatEvents & AiEvents;

export type HandlerName = keyof Contract;
export type InputOf<K extends HandlerName> = Contract[K]['input'];
export type OutputOf<K extends HandlerName> = Contract[K]['output'];
export type EventName = keyof Events;

/** How a request was made. */
export interface InvokeOptions {
  /**
   * The page sent it by itself (a refresh after a library event), not because the user did
   * something: it does not count as the user browsing (background analysis keeps every core).
   */
  background?: boolean;
}

/** What the renderer sees: the same in Electron (preload bridge) and web mode (WebSocket). */
export interface SampleMindApi {
  invoke<K extends HandlerName>(
    name: K,
    input: InputOf<K>,
    options?: InvokeOptions,
  ): Promise<Result<OutputOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** The object the Electron preload exposes as `window.samplemind`. */
export interface SampleMindBridge extends SampleMindApi {
  readonly kind: 'electron';
  /** Absolute path of a dropped File (Electron webUtils.getPathForFile). */
  getPathForFile(file: object): string;
  /** Starts a native drag of the samples' files (call from a dragstart handler). */
  startDrag(sampleIds: number[]): void;
}

export type * from './contract/app';
export type * from './contract/library';
export type * from './contract/analysis';
export type * from './contract/chat';
export type { Result, ErrorData, ErrorCode } from './result';
