import { useEffect, useState } from 'react';
import type { AnalysisStatus } from '../../../shared/contract';
import { api } from '../../api/client';
import { analysisStatusText } from './analysisStatus';

/** The selected sample's analysis status; for a failed one, the reason from its detail. */
export function AnalysisNote({ id, status }: { id: number; status: AnalysisStatus }) {
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);
  useEffect(() => {
    if (status !== 'failed') return;
    let live = true;
    void api.invoke('library.getSample', { id }).then((r) => {
      if (live && r.ok && r.value.analysisError)
        setFailure({ id, message: r.value.analysisError.message });
    });
    return () => {
      live = false;
    };
  }, [id, status]);
  const text = analysisStatusText(status, failure?.id === id ? failure.message : null);
  if (!text) return null;
  return (
    <span className={status === 'failed' ? 'error small' : 'muted small'} data-analysis={status}>
      {text}
    </span>
  );
}
