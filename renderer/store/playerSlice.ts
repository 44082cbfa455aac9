import type { SampleSummary } from '../../shared/contract';
import { api } from '../api/client';
import { audition } from '../audio/engine';
import { syncPlan, type SyncPlan, type SyncSettings } from '../lib/sync';
import { markAudition } from '../lib/userTiming';
import type { SliceCreator } from './types';

export interface PlayerSlice {
  currentId: number | null;
  /**
   * The sample being auditioned, wherever it was started from (the list, Similar, Duplicates,
   * the map): the player bar shows it even when it is not among the loaded rows.
   */
  currentRow: SampleSummary | null;
  playing: boolean;
  loop: boolean;
  volume: number;
  sync: SyncSettings;
  metronome: boolean;
  playerError: string | null;
  /** How the current sample is played (sync mode note). */
  plan: SyncPlan | null;
  /** Performance mark of the last audition request (bench: select → sound). */
  audition(id: number, row?: SampleSummary): void;
  togglePlay(): void;
  stop(): void;
  setLoop(loop: boolean): void;
  setVolume(volume: number): void;
  setSync(patch: Partial<SyncSettings>): void;
  setMetronome(on: boolean): void;
  setPlaying(playing: boolean, error: string | null): void;
}

export const createPlayerSlice: SliceCreator<PlayerSlice> = (set, get) => ({
  currentId: null,
  currentRow: null,
  playing: false,
  loop: false,
  volume: 0.8,
  sync: { enabled: false, bpm: 120, key: null },
  metronome: false,
  playerError: null,
  plan: null,
  audition(id, given) {
    const s = get();
    const row =
      given ??
      s.rows.find((r) => r.id === id) ??
      (s.currentRow?.id === id ? s.currentRow : undefined);
    const plan = syncPlan(
      {
        kind: row?.kind ?? null,
        bpm: row?.bpm ?? null,
        key: row?.key ?? null,
        rootNote: row?.rootNote ?? null,
        // a guessed class does not decide whether the sound is pitched
        class: row && row.classTier !== 'guess' ? row.class : null,
      },
      s.sync,
    );
    set({ currentId: id, currentRow: row ?? null, plan, playerError: null });
    // Started from somewhere that only knows the id (the map): the player bar asks for the row.
    if (!row)
      void api
        .invoke('library.search', { filters: { ids: [id], missing: 'include' }, limit: 1 })
        .then((r) => {
          const found = r.ok ? r.value.items[0] : undefined;
          if (found && get().currentId === id) set({ currentRow: found });
        });
    markAudition();
    void audition().play({
      id,
      format: row?.format ?? 'wav',
      sizeBytes: row?.sizeBytes ?? Number.POSITIVE_INFINITY,
      loop: s.loop,
      volume: s.volume,
      plan,
    });
  },
  togglePlay() {
    const s = get();
    if (s.playing) {
      audition().stop();
      return;
    }
    if (s.currentId !== null) {
      if (s.plan && s.plan.engine !== 'direct') s.audition(s.currentId);
      else
        void audition()
          .resume()
          .then((resumed) => {
            if (!resumed && s.currentId !== null) get().audition(s.currentId);
          });
      return;
    }
    const first = s.rows[s.selection.cursor ?? 0];
    if (first) s.audition(first.id);
  },
  stop() {
    audition().stop();
  },
  setLoop(loop) {
    set({ loop });
    audition().setLoop(loop);
  },
  setVolume(volume) {
    set({ volume });
    audition().setVolume(volume);
  },
  setSync(patch) {
    set({ sync: { ...get().sync, ...patch } });
    if (get().metronome)
      void import('../audio/toneVoice').then((t) => t.setMetronome(true, get().sync.bpm));
  },
  setMetronome(on) {
    set({ metronome: on });
    void import('../audio/toneVoice').then((t) => t.setMetronome(on, get().sync.bpm));
  },
  setPlaying(playing, error) {
    set({ playing, playerError: error });
  },
});
