import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api/client';
import {
  SIMILAR_ASPECTS,
  type SimilarItem,
  type SimilarPage,
} from '../../../shared/contract/similar';
import { formatBpm, shortKey } from '../../lib/format';
import { useStore } from '../../store';
import { currentOf } from './trail';

type Answer = { page: SimilarPage; error: null } | { page: null; error: string };

/**
 * Sounds like one sample (shown when the backend has `similar.find`). The panel says whose
 * neighbours it shows; playing a result never replaces the list: "≈" on a result opens that
 * result's neighbours, and back/forward return.
 */
export function SimilarPanel() {
  const { open, trail, aspects } = useStore(
    useShallow((s) => ({
      open: s.similarOpen,
      trail: s.similarTrail,
      aspects: s.similarAspects,
    })),
  );
  const currentId = useStore((s) => s.currentId);
  const sourceId = currentOf(trail);
  const [answer, setAnswer] = useState<{ key: string; value: Answer } | null>(null);
  const key = `${sourceId}:${SIMILAR_ASPECTS.map((a) => aspects[a]).join(',')}`;
  useEffect(() => {
    if (!open || sourceId === null) return;
    let live = true;
    void api.invoke('similar.find', { sampleId: sourceId, limit: 30, aspects }).then((r) => {
      if (!live) return;
      setAnswer({
        key,
        value: r.ok ? { page: r.value, error: null } : { page: null, error: r.error.message },
      });
    });
    return () => {
      live = false;
    };
  }, [open, sourceId, aspects, key]);
  if (!open) return null;
  const s = useStore.getState();
  const current = answer?.key === key ? answer.value : null;
  const hits: SimilarItem[] | null = current?.page
    ? current.page.items.filter((h) => h.sample.id !== sourceId)
    : null;
  const name = current?.page?.query?.name;
  const onCount = SIMILAR_ASPECTS.filter((a) => aspects[a] > 0).length;
  return (
    <aside className="side-panel similar-panel" aria-label="Similar sounds">
      <header>
        <div className="similar-nav">
          <button
            type="button"
            className="link"
            aria-label="Back"
            title="Back"
            disabled={trail.at <= 0}
            onClick={() => s.similarBack()}
          >
            ←
          </button>
          <button
            type="button"
            className="link"
            aria-label="Forward"
            title="Forward"
            disabled={trail.at >= trail.ids.length - 1}
            onClick={() => s.similarForward()}
          >
            →
          </button>
        </div>
        <h2 title={name}>{name ? `Similar to ${name}` : 'Similar sounds'}</h2>
        <button
          type="button"
          className="link"
          aria-label="Close similar sounds"
          onClick={() => s.setSimilarOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="similar-aspects" role="group" aria-label="Compare by">
        {SIMILAR_ASPECTS.map((a) => (
          <button
            key={a}
            type="button"
            className={aspects[a] > 0 ? 'toggle toggle--on' : 'toggle'}
            aria-pressed={aspects[a] > 0}
            // At least one aspect stays on: nothing to compare by is no answer.
            disabled={aspects[a] > 0 && onCount === 1}
            onClick={() => s.setSimilarAspects({ ...aspects, [a]: aspects[a] > 0 ? 0 : 1 })}
          >
            {a}
          </button>
        ))}
      </div>
      {sourceId === null && <p className="muted">Select a sample.</p>}
      {current?.error && <p className="error">{current.error}</p>}
      {current === null && sourceId !== null && <p className="muted">Searching…</p>}
      {hits && hits.length === 0 && (
        <p className="muted">Nothing similar found yet (analysis may still be running).</p>
      )}
      <ol className="similar-list">
        {hits?.map((h) => (
          <li key={h.sample.id} className="similar-row">
            <button
              type="button"
              className={
                h.sample.id === currentId ? 'similar-item similar-item--current' : 'similar-item'
              }
              aria-current={h.sample.id === currentId ? 'true' : undefined}
              onClick={() => s.audition(h.sample.id, h.sample)}
            >
              <span className="similar-name">
                <span className="similar-score">{Math.round(h.similarity * 100)}%</span>
                {h.sample.name}
              </span>
              <span className="muted small">
                {[
                  h.sample.class,
                  h.sample.bpm ? `${formatBpm(h.sample.bpm)} BPM` : null,
                  h.sample.key ? shortKey(h.sample.key) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
            <button
              type="button"
              className="link similar-more"
              title={`Sounds similar to ${h.sample.name}`}
              aria-label={`Find sounds similar to ${h.sample.name}`}
              onClick={() => s.openSimilar(h.sample.id)}
            >
              ≈
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
