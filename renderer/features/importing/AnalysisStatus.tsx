import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { formatClock, formatCount } from '../../lib/format';
import { useStore } from '../../store';
import type { AnalysisProgress } from '../../../shared/contract';
import { isRunning } from './importProgress';
import { EtaSmoother } from './etaSmoother';

/** Background analysis: counts, files/s, ETA, pause/resume; tells `onActive` when it runs or is paused. */
export function AnalysisStatus({ onActive }: { onActive?: (active: boolean) => void } = {}) {
  const importing = useStore((s) => s.jobs.some(isRunning));
  const [view, setView] = useState<{ p: AnalysisProgress; eta: number | null } | null>(null);
  useEffect(() => {
    // While an import still lists files the queue grows with them: no count to go, no ETA yet.
    // Afterwards the ETA comes from the rate over the last half minute, not the last moment.
    const smoother = new EtaSmoother();
    const take = (v: AnalysisProgress) => {
      const left = v.queued + v.running;
      const growing = useStore.getState().jobs.some(isRunning);
      let eta: number | null = null;
      if (v.state === 'running' && left > 0 && !growing)
        eta = smoother.update(v.completed, left, Date.now());
      else smoother.reset();
      setView({ p: v, eta });
    };
    void api.invoke('analysis.status', {}).then((r) => {
      if (r.ok) take(r.value.progress);
    });
    return api.on('analysis.progress', take);
  }, []);
  const p = view?.p;
  const eta = view?.eta ?? null;
  const working =
    p !== undefined &&
    (p.state === 'paused' || (p.state === 'running' && p.queued + p.running > 0));
  useEffect(() => onActive?.(working), [onActive, working]);
  if (!p || p.state === 'off') return null;
  const active = p.queued + p.running;
  if (p.state === 'idle' && active === 0 && p.completed === 0 && p.failed === 0) return null;
  const busy = p.state === 'running' && active > 0;
  return (
    <div
      className="import-line analysis-line"
      role="status"
      data-state={busy ? 'running' : p.state}
    >
      <strong>
        {p.state === 'paused' ? 'Analysis paused' : busy ? 'Analysing' : 'Analysis up to date'}
      </strong>
      <span className="muted">
        {' — '}
        {[
          `${formatCount(p.completed)} analysed`,
          active > 0 && !importing ? `${formatCount(active)} to go` : null,
          active > 0 && importing ? 'more arriving from the import' : null,
          busy && p.filesPerSec > 0 ? `${p.filesPerSec.toFixed(1)} files/s` : null,
          busy && !importing ? `ETA ${eta === null ? '—' : formatClock(eta)}` : null,
          p.failed > 0 ? `${formatCount(p.failed)} failed` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {(busy || p.state === 'paused') && (
        <button
          type="button"
          className="link"
          onClick={() =>
            void api
              .invoke(p.state === 'paused' ? 'analysis.resume' : 'analysis.pause', {})
              .then((r) => r.ok && setView({ p: r.value, eta: null }))
          }
        >
          {p.state === 'paused' ? 'Resume' : 'Pause'}
        </button>
      )}
      {busy && (
        <progress aria-label="Analysis progress" value={p.completed} max={p.completed + active} />
      )}
    </div>
  );
}
