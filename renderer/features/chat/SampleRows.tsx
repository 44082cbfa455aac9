import { useEffect, useRef, useState } from 'react';
import type { ChatSampleRef } from '../../../shared/contract';
import { absoluteAudioUrl, audioUrl, bridge } from '../../api/client';

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

/** One audio element for the whole panel: playing a row stops the previous one. */
let player: HTMLAudioElement | null = null;

function usePlayer(): { playing: number | null; toggle(id: number): void } {
  const [playing, setPlaying] = useState<number | null>(null);
  const mine = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (mine.current !== null) player?.pause();
    },
    [],
  );
  return {
    playing,
    toggle(id) {
      player ??= new Audio();
      if (mine.current === id && !player.paused) {
        player.pause();
        mine.current = null;
        setPlaying(null);
        return;
      }
      player.src = audioUrl(id);
      player.onended = () => setPlaying(null);
      mine.current = id;
      setPlaying(id);
      void player.play().catch(() => setPlaying(null));
    },
  };
}

/** Samples an answer refers to, as rows you can audition and drag out to a DAW. */
export function SampleRows({ samples }: { samples: ChatSampleRef[] }) {
  const { playing, toggle } = usePlayer();
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
            onClick={() => toggle(s.id)}
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
