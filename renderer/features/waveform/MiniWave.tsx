import { memo, useEffect, useRef } from 'react';
import { envelopeForWidth } from './peaksDraw';
import { usePeaks } from './usePeaks';

const H = 22;

/**
 * A row's compact waveform, drawn on a canvas from precomputed peaks (never from audio).
 * Peaks exist once a sample is analysed: rows not analysed yet ask for nothing.
 */
export const MiniWave = memo(function MiniWave({
  id,
  analysed,
  width,
}: {
  id: number;
  analysed: boolean;
  /** CSS px: the waveform column grows with the window. */
  width: number;
}) {
  const W = Math.max(8, Math.round(width));
  const peaks = usePeaks(analysed ? id : null);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !peaks || peaks === 'none') return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    const g = canvas.getContext('2d');
    if (!g) return;
    g.scale(dpr, dpr);
    g.fillStyle = getComputedStyle(canvas).color;
    const env = envelopeForWidth(peaks, W);
    const mid = H / 2;
    for (let x = 0; x < W; x++) {
      const lo = env[x * 2]!;
      const hi = env[x * 2 + 1]!;
      const top = mid - hi * mid;
      g.fillRect(x, top, 1, Math.max(1, (hi - lo) * mid));
    }
  }, [peaks, W]);
  if (!peaks || peaks === 'none') return <span className="miniwave miniwave--empty" aria-hidden />;
  return (
    <canvas ref={ref} className="miniwave" width={W} height={H} style={{ width: W }} aria-hidden />
  );
});
