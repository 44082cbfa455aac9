import { lazy, Suspense, useEffect } from 'react';
import { AnalysisNote } from './AnalysisNote';
import { useShallow } from 'zustand/react/shallow';
import { audition } from '../../audio/engine';
import { formatBpm, formatDuration, shortKey } from '../../lib/format';
import { PITCH_CLASSES } from '../../../shared/music';
import { useStore } from '../../store';
import { RevealButton } from '../../lib/RevealButton';
import { ToggleButton } from '../../lib/ToggleButton';

const Waveform = lazy(() => import('../waveform/Waveform'));

/** Transport: what is playing, play/stop, loop, volume, sync to the project, metronome. */
export function PlayerBar() {
  const s = useStore(
    useShallow((st) => ({
      currentId: st.currentId,
      playing: st.playing,
      loop: st.loop,
      volume: st.volume,
      sync: st.sync,
      metronome: st.metronome,
      plan: st.plan,
      error: st.playerError,
      // The loaded row when it is there (fresh after tags/ratings), else the one auditioned.
      row:
        st.rows.find((r) => r.id === st.currentId) ??
        (st.currentRow?.id === st.currentId ? st.currentRow : undefined),
    })),
  );
  const a = useStore.getState();

  useEffect(
    () => audition().subscribe((e) => useStore.getState().setPlaying(e.playing, e.error)),
    [],
  );

  return (
    <section className="player" aria-label="Player">
      <div className="player-controls">
        <button
          type="button"
          className="play"
          aria-label={s.playing ? 'Stop' : 'Play'}
          aria-pressed={s.playing}
          onClick={() => a.togglePlay()}
          disabled={s.currentId === null && useStore.getState().rows.length === 0}
        >
          {s.playing ? '■' : '▶'}
        </button>
        <ToggleButton pressed={s.loop} onToggle={(on) => a.setLoop(on)} title="Loop (L)">
          ⟲ Loop
        </ToggleButton>
        <label className="volume">
          <span className="sr-only">Volume</span>
          <span aria-hidden className="muted small">
            Vol
          </span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={s.volume}
            aria-label="Volume"
            onChange={(e) => a.setVolume(Number(e.target.value))}
          />
        </label>
      </div>
      <div className="player-main">
        {s.row ? (
          <>
            <div className="player-title">
              <strong title={s.row.path}>{s.row.name}</strong>
              <span className="muted">
                {[
                  s.row.class,
                  s.row.kind,
                  s.row.bpm ? `${formatBpm(s.row.bpm)} BPM` : null,
                  s.row.key ? shortKey(s.row.key) : s.row.rootNote,
                  formatDuration(s.row.durationSec),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <AnalysisNote id={s.row.id} status={s.row.analysis} />
              {s.sync.enabled && s.plan && <span className="badge">{s.plan.note}</span>}
              {s.error && (
                <span className="error" role="alert">
                  {s.error}
                </span>
              )}
            </div>
            <Suspense fallback={<div className="waveform waveform--empty">…</div>}>
              <Waveform
                id={s.row.id}
                durationSec={s.row.durationSec}
                analysed={s.row.analysis === 'done'}
              />
            </Suspense>
            <div className="player-actions">
              <button
                type="button"
                className="link"
                onClick={() => {
                  void navigator.clipboard?.writeText(s.row!.path).then(
                    () => a.say('Path copied'),
                    () => a.say(s.row!.path),
                  );
                }}
              >
                Copy path
              </button>
              <RevealButton sampleId={s.row.id} className="link" />
              <button type="button" className="link" onClick={() => a.openSimilar(s.row!.id)}>
                Similar sounds
              </button>
              <button type="button" className="link" onClick={() => a.setTagEditorOpen(true)}>
                Edit tags (T)
              </button>
            </div>
          </>
        ) : (
          <p className="muted">Select a sample to hear it. ↑/↓ move and play, Space plays/stops.</p>
        )}
      </div>
      <div className="player-sync" role="group" aria-label="Sync to project">
        <label className="check">
          <input
            type="checkbox"
            checked={s.sync.enabled}
            onChange={(e) => a.setSync({ enabled: e.target.checked })}
          />{' '}
          Sync
        </label>
        <label>
          <span className="sr-only">Project BPM</span>
          <input
            className="bpm-input"
            type="number"
            min={40}
            max={300}
            aria-label="Project BPM"
            value={s.sync.bpm}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v >= 20 && v <= 400) a.setSync({ bpm: v });
            }}
          />{' '}
          BPM
        </label>
        <label>
          <span className="sr-only">Project key</span>
          <select
            aria-label="Project key"
            value={s.sync.key ?? ''}
            onChange={(e) => a.setSync({ key: e.target.value || null })}
          >
            <option value="">no key</option>
            {PITCH_CLASSES.flatMap((p) => [`${p} major`, `${p} minor`]).map((k) => (
              <option key={k} value={k}>
                {shortKey(k)}
              </option>
            ))}
          </select>
        </label>
        <ToggleButton pressed={s.metronome} onToggle={(on) => a.setMetronome(on)}>
          Metronome
        </ToggleButton>
      </div>
    </section>
  );
}
