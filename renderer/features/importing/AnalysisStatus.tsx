import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { formatClock, formatCount } from '../../lib/format';
import { useStore } from '../../store';
import { parseProgress, type AnalysisProgressView } from '../../lib/backendShapes';

/** Background analysis: counts, files/s, ETA, pause/resume. */
export function AnalysisStatus() {
  const caps = useStore((s) => s.capabilities);
  const [p, setP] = useState<AnalysisProgressView | null>(null);
  const has = caps['analysis.status'] === true;
  useEffect(() => {
    if (!has) return;
    void api.invoke('analysis.status', {}).then((r) => {
      if (r.ok) setP(parseProgress(r.value.progress));
    });
    return api.on('analysis.progress', (payload) => setP(parseProgress(payload)));
  }, [has]);
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
          active > 0 ? `${formatCount(active)} to go` : null,
          busy && p.filesPerSec > 0 ? `${p.filesPerSec.toFixed(1)} files/s` : null,
          busy && p.etaSec !== null ? `ETA ${formatClock(p.etaSec)}` : null,
          p.failed > 0 ? `${formatCount(p.failed)} failed` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {(busy || p.state === 'paused') && caps['analysis.pause'] && (
        <button
          type="button"
          className="link"
          onClick={() =>
            void api
              .invoke(p.state === 'paused' ? 'analysis.resume' : 'analysis.pause', {})
              .then((r) => r.ok && setP(parseProgress(r.value)))
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
