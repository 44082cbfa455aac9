import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  expectedTotal,
  isRunning,
  phaseLabel,
  progressFraction,
  progressLine,
} from './importProgress';
import { useStore } from '../../store';
import { ActionLink } from '../../lib/ActionLink';
import { AnalysisStatus } from './AnalysisStatus';
import { distinctFolderLabels } from './folderLabels';

/** Import progress (counts, files/s, ETA), cancel, and the files that failed with why. */
export function ImportStatus() {
  const { jobs, folders, errors } = useStore(
    useShallow((s) => ({ jobs: s.jobs, folders: s.folders, errors: s.importErrors })),
  );
  const [showErrors, setShowErrors] = useState(false);
  const [analysisActive, setAnalysisActive] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const labels = useMemo(
    () =>
      distinctFolderLabels([
        ...new Set([...folders.map((f) => f.path), ...jobs.map((j) => j.folderPath)]),
      ]),
    [folders, jobs],
  );
  const running = jobs.filter(isRunning);
  const latest = running[0] ?? jobs[0];
  // Finished (nothing importing or analysing): one row, and the user may dismiss it until
  // something starts again. Hidden, not unmounted: the analysis line keeps listening.
  const finished = running.length === 0 && !analysisActive;
  const [wasFinished, setWasFinished] = useState(finished);
  if (wasFinished !== finished) {
    // Something started again: show the status again (state adjusted while rendering).
    setWasFinished(finished);
    if (!finished) setDismissed(false);
  }
  const hidden = finished && dismissed;
  const className = `import-status${finished ? ' import-status--finished' : ''}`;
  const dismiss = finished && (
    <button
      type="button"
      className="link import-dismiss"
      aria-label="Dismiss the finished status"
      onClick={() => setDismissed(true)}
    >
      ✕
    </button>
  );
  if (!latest && errors.length === 0)
    return (
      <section className={className} aria-label="Analysis progress" hidden={hidden}>
        <AnalysisStatus onActive={setAnalysisActive} />
        {dismiss}
      </section>
    );
  const folder = latest ? folders.find((f) => f.id === latest.folderId) : undefined;
  const total = latest ? expectedTotal(latest, folder) : null;
  const fraction = latest ? progressFraction(latest, total) : null;
  return (
    <section className={className} aria-label="Import progress" hidden={hidden}>
      {latest && (
        <div className="import-line" role="status" data-phase={latest.phase}>
          <strong title={latest.folderPath}>
            {phaseLabel(latest)} {labels.get(latest.folderPath) ?? latest.folderPath}
          </strong>
          <span className="muted"> — {progressLine(latest, total)}</span>
          {isRunning(latest) && (
            <ActionLink handler="library.cancelImport" input={{ jobId: latest.id }}>
              Cancel
            </ActionLink>
          )}
          {running.length > 1 && <span className="muted"> (+{running.length - 1} more)</span>}
          {isRunning(latest) && (
            <progress
              aria-label="Import progress"
              {...(fraction === null ? {} : { value: fraction, max: 1 })}
            />
          )}
        </div>
      )}
      <AnalysisStatus onActive={setAnalysisActive} />
      {errors.length > 0 && (
        <div className="import-errors">
          <button
            type="button"
            className="link"
            aria-expanded={showErrors}
            onClick={() => setShowErrors((v) => !v)}
          >
            {errors.length} file{errors.length === 1 ? '' : 's'} could not be read
          </button>
          {showErrors && (
            <ul className="error-list">
              {errors.slice(0, 100).map((e) => (
                <li key={e.id}>
                  <code>{e.path}</code> — {e.message} <span className="muted">({e.code})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {dismiss}
    </section>
  );
}
