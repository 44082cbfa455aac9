import { useCallback, useEffect, useState } from 'react';
import type { ChatSuggestion, ChatTaggingJob } from '../../../shared/contract';
import { api } from '../../api/client';
import { errorHelp, jobLine } from './turnState';

interface Loaded {
  job: ChatTaggingJob | null;
  suggestions: ChatSuggestion[] | null;
}

async function fetchTagging(): Promise<Loaded> {
  const [status, list] = await Promise.all([
    api.invoke('chat.tagging.status', {}),
    api.invoke('chat.suggestions', { limit: 200 }),
  ]);
  return { job: status.ok ? status.value : null, suggestions: list.ok ? list.value : null };
}

/**
 * Assisted tagging: ask the model for tags of the samples the classifier is unsure
 * about; review the suggestions and accept or reject them in bulk.
 */
export function TaggingSection() {
  const [job, setJob] = useState<ChatTaggingJob | null>(null);
  const [suggestions, setSuggestions] = useState<ChatSuggestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const apply = useCallback((loaded: Loaded) => {
    if (loaded.job) setJob(loaded.job);
    if (loaded.suggestions) setSuggestions(loaded.suggestions);
  }, []);
  const reload = useCallback(() => fetchTagging().then(apply), [apply]);
  useEffect(() => {
    let live = true;
    void fetchTagging().then((loaded) => {
      if (live) apply(loaded);
    });
    const off = api.on('chat.tagging.progress', (p) => {
      setJob(p);
      if (p.state !== 'running') void fetchTagging().then(apply);
    });
    return () => {
      live = false;
      off();
    };
  }, [apply]);
  const start = async () => {
    setError(null);
    const r = await api.invoke('chat.tagging.start', {});
    if (r.ok) setJob(r.value);
    else setError(errorHelp(r.error));
  };
  const decide = async (accept: boolean, ids: number[]) => {
    if (ids.length === 0) return;
    const r = accept
      ? await api.invoke('chat.acceptSuggestions', { sampleIds: ids })
      : await api.invoke('chat.rejectSuggestions', { sampleIds: ids });
    if (!r.ok) setError(r.error.message);
    await reload();
  };
  const running = job?.state === 'running';
  const all = suggestions.map((s) => s.sample.id);
  return (
    <details className="chat-tagging">
      <summary>Suggested tags{suggestions.length > 0 ? ` (${suggestions.length})` : ''}</summary>
      <div className="small">
        {running ? (
          <button type="button" onClick={() => void api.invoke('chat.tagging.cancel', {})}>
            Stop tagging
          </button>
        ) : (
          <button type="button" onClick={() => void start()}>
            Suggest tags for unsure samples
          </button>
        )}
        {job && job.state !== 'idle' && (
          <div className="muted" aria-live="polite">
            {job.state}: {jobLine(job)}
          </div>
        )}
        {job?.error && <div className="error">{errorHelp(job.error)}</div>}
        {error && <div className="error">{error}</div>}
        {suggestions.length > 0 && (
          <>
            <div className="chat-action-buttons">
              <button type="button" onClick={() => void decide(true, all)}>
                Accept all
              </button>
              <button type="button" className="link" onClick={() => void decide(false, all)}>
                Reject all
              </button>
            </div>
            <ul className="chat-suggestions">
              {suggestions.map((s) => (
                <li key={s.sample.id}>
                  <span className="chat-sample-name">{s.sample.name}</span>{' '}
                  <span className="muted">{s.tags.join(', ')}</span>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => void decide(true, [s.sample.id])}
                  >
                    accept
                  </button>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => void decide(false, [s.sample.id])}
                  >
                    reject
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}
