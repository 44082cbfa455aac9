import { useEffect, useState } from 'react';
import type { ChatSampleRef } from '../../../shared/contract';
import { absoluteAudioUrl, bridge } from '../../api/client';
import { audition } from '../../audio/engine';
import { syncPlan } from '../../lib/sync';
import { useStore } from '../../store';

function facts(s: ChatSampleRef): string {
  return [
    s.class,
    s.kind,
    s.bpm ? `${Math.round(s.bpm * 10) / 10} BPM` : null,
    s.key ?? s.rootNote,
    s.durationSec !== null ? `${s.durationSec.toFixed(s.durationSec < 10 ? 2 : 1)} s` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The format the engine needs to know (Chromium cannot stream AIFF: it is decoded first). */
function formatOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'aif' ? 'aiff' : ext;
}

/** Which chat row is sounding (one for the whole panel); null when none. */
let chatPlaying: number | null = null;
/** Between a click and the sound starting, the engine's "stopped" is the old voice's. */
let starting = false;
let subscribed = false;
const watchers = new Set<(id: number | null) => void>();

function setChatPlaying(id: number | null): void {
  chatPlaying = id;
  for (const w of watchers) w(id);
}

function watchEngine(): void {
  if (subscribed) return;
  subscribed = true;
  audition().subscribe((e) => {
    if (e.playing) starting = false;
    else if (!starting || e.error) {
      starting = false;
      setChatPlaying(null);
    }
  });
  // A sample auditioned from the browser takes the voice.
  useStore.subscribe((st, prev) => {
    if (st.currentId !== prev.currentId) setChatPlaying(null);
  });
}

/**
 * Chat rows play through the app's one audition voice (the player's loop, volume and
 * tempo/key sync apply; playing anything else stops them), not an audio element of
 * their own.
 */
function useChatAudition(): { playing: number | null; toggle(s: ChatSampleRef): void } {
  const [playing, setPlaying] = useState<number | null>(chatPlaying);
  useEffect(() => {
    watchEngine();
    watchers.add(setPlaying);
    return () => {
      watchers.delete(setPlaying);
    };
  }, []);
  return {
    playing,
    toggle(s) {
      if (chatPlaying === s.id) {
        audition().stop();
        setChatPlaying(null);
        return;
      }
      const st = useStore.getState();
      starting = true;
      setChatPlaying(s.id);
      void audition().play({
        id: s.id,
        format: formatOf(s.name),
        // Unknown size: stream it (AIFF is decoded whatever its size).
        sizeBytes: Number.POSITIVE_INFINITY,
        loop: st.loop,
        volume: st.volume,
        plan: syncPlan(
          { kind: s.kind, bpm: s.bpm, key: s.key, rootNote: s.rootNote, class: s.class },
          st.sync,
        ),
      });
    },
  };
}

/** Samples an answer refers to, as rows you can audition and drag out to a DAW. */
export function SampleRows({ samples }: { samples: ChatSampleRef[] }) {
  const { playing, toggle } = useChatAudition();
  if (samples.length === 0) return null;
  return (
    <ul className="chat-samples" aria-label="Samples">
      {samples.map((s) => (
        <li
          key={s.id}
          className={s.missing ? 'chat-sample chat-sample--missing' : 'chat-sample'}
          draggable={!s.missing}
          onDragStart={(e) => {
            e.dataTransfer.effectAllowed = 'copy';
            e.dataTransfer.setData('application/x-samplemind-ids', JSON.stringify([s.id]));
            if (bridge) bridge.startDrag([s.id]);
            else
              e.dataTransfer.setData(
                'DownloadURL',
                `application/octet-stream:${s.name}:${absoluteAudioUrl(s.id)}`,
              );
          }}
        >
          <button
            type="button"
            className="chat-play"
            aria-label={playing === s.id ? `Stop ${s.name}` : `Play ${s.name}`}
            disabled={s.missing}
            onClick={() => toggle(s)}
          >
            {playing === s.id ? '■' : '▶'}
          </button>
          <span className="chat-sample-name" title={s.dir ? `${s.dir}/${s.name}` : s.name}>
            {s.name}
          </span>
          <span className="muted small">{facts(s)}</span>
        </li>
      ))}
    </ul>
  );
}
