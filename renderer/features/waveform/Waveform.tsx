import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { audition } from '../../audio/engine';
import { peaksDuration, waveSurferChannels } from './peaksDraw';
import { usePeaks } from './usePeaks';

/**
 * The player's waveform: wavesurfer.js drawing the sample's precomputed peaks and
 * following the audition <audio> element (playhead, click-to-seek, zoom). It is never
 * given audio to decode: without peaks it shows a placeholder.
 */
export default function Waveform({
  id,
  durationSec,
  analysed,
}: {
  id: number;
  durationSec: number | null;
  analysed: boolean;
}) {
  // Not analysed yet: there are no peaks to ask for (the placeholder says why).
  const asked = usePeaks(analysed ? id : null);
  const peaks = analysed ? asked : 'none';
  const box = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    if (!box.current || !peaks || peaks === 'none') return;
    const style = getComputedStyle(box.current);
    const w = WaveSurfer.create({
      container: box.current,
      media: audition().media,
      peaks: waveSurferChannels(peaks, 2000),
      duration: durationSec ?? peaksDuration(peaks),
      height: 72,
      waveColor: style.getPropertyValue('--wave').trim() || '#5b6b8c',
      progressColor: style.getPropertyValue('--accent').trim() || '#7aa2ff',
      cursorColor: style.getPropertyValue('--text').trim() || '#fff',
      cursorWidth: 1,
      interact: true,
      dragToSeek: true,
      normalize: false,
    });
    ws.current = w;
    return () => {
      ws.current = null;
      // Keep the shared media element: wavesurfer must not destroy it.
      w.unAll();
      w.getWrapper().remove();
    };
  }, [peaks, id, durationSec]);

  useEffect(() => {
    try {
      ws.current?.zoom(zoom);
    } catch {
      /* not ready yet */
    }
  }, [zoom, peaks]);

  if (peaks === undefined) return <div className="waveform waveform--empty">Loading waveform…</div>;
  if (peaks === 'none')
    return (
      <div className="waveform waveform--empty">
        {analysed
          ? 'No waveform stored for this sample.'
          : 'The waveform appears once this sample is analysed.'}
      </div>
    );
  return (
    <div className="waveform-wrap">
      <div className="waveform" ref={box} aria-label="Waveform: click to seek" role="img" />
      <label className="zoom">
        Zoom
        <input
          type="range"
          min={0}
          max={800}
          step={10}
          value={zoom}
          onChange={(e) => setZoom(Number(e.target.value))}
        />
      </label>
    </div>
  );
}
