import { useEffect, useState } from 'react';
import type { DescribeParse, DescribeResult } from '../../../shared/contract/similar';
import { api } from '../../api/client';
import { describeChips, looksLikeDescription } from './describe';
import { useStore } from '../../store';

const PARSE_DEBOUNCE_MS = 250;

/**
 * Describe-a-sound: when the search text reads like a description, shows what the parser
 * understood (class, tags, BPM, key…) and offers a search by description with its reasons.
 */
export function DescribePanel() {
  const text = useStore((s) => s.text);
  const audition = useStore((s) => s.audition);
  const [parse, setParse] = useState<DescribeParse | null>(null);
  // Results and errors are kept with the text they answer, so editing the text hides them.
  const [answer, setAnswer] = useState<{ text: string; result: DescribeResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; message: string } | null>(null);

  useEffect(() => {
    if (!looksLikeDescription(text)) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.invoke('similar.parse', { text }).then((r) => {
        if (live) setParse(r.ok ? r.value : null);
      });
    }, PARSE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (!looksLikeDescription(text) || !parse || parse.text !== text) return null;
  const result = answer?.text === text ? answer.result : null;
  const error = failure?.text === text ? failure.message : null;
  const chips = describeChips(parse);
  if (chips.length === 0) return null;

  const run = async () => {
    setBusy(true);
    setFailure(null);
    const r = await api.invoke('similar.describe', { text, limit: 50 });
    setBusy(false);
    if (r.ok) setAnswer({ text, result: r.value });
    else setFailure({ text, message: r.error.message });
  };

  return (
    <section className="describe" aria-label="Describe a sound">
      <div className="describe-line">
        <span className="muted">Understood:</span>
        <ul className="chips" aria-label="Understood">
          {chips.map((c) => (
            <li key={`${c.kind}:${c.label}`} className="chip" data-kind={c.kind}>
              {c.label}
            </li>
          ))}
        </ul>
        {parse.unparsed.length > 0 && (
          <span className="muted">· ignored: {parse.unparsed.join(' ')}</span>
        )}
        <button type="button" onClick={() => void run()} disabled={busy}>
          {busy ? 'Searching…' : 'Search by description'}
        </button>
        {result && (
          <button type="button" className="link" onClick={() => setAnswer(null)}>
            Close
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="describe-results">
          <p className="muted">{result.explanation}</p>
          {result.items.length === 0 ? (
            <p className="muted">Nothing matches that description.</p>
          ) : (
            <ol aria-label="Description results">
              {result.items.map((it) => (
                <li key={it.sample.id}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => audition(it.sample.id, it.sample)}
                    aria-label={`Play ${it.sample.name}`}
                  >
                    ▶
                  </button>{' '}
                  <span className="describe-name">{it.sample.name}</span>{' '}
                  {it.sample.class && <span className="badge">{it.sample.class}</span>}{' '}
                  <span className="muted">{it.reasons.join(' · ')}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
