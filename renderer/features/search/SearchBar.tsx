import { useShallow } from 'zustand/react/shallow';
import { SEARCH_TEXT_MAX } from '../../../shared/limits';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store';

/** As-you-type search: every keystroke queries the backend; stale answers are dropped. */
export function SearchBar() {
  const { text, setText, total, tookMs, loading, version } = useStore(
    useShallow((s) => ({
      text: s.text,
      setText: s.setText,
      total: s.total,
      tookMs: s.tookMs,
      loading: s.loading,
      version: s.resultVersion,
    })),
  );
  return (
    <div className="searchbar" role="search">
      <span className="searchbar-icon" aria-hidden>
        ⌕
      </span>
      <input
        id="search"
        type="search"
        aria-label="Search samples"
        placeholder="Search names, folders, tags…  (press / )"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_TEXT_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <output
        className="searchbar-count"
        aria-live="polite"
        data-loading={loading}
        data-version={version}
      >
        {total === null ? '' : `${formatCount(total)} sample${total === 1 ? '' : 's'}`}
        {tookMs !== null && total !== null ? (
          <span className="muted"> · {Math.round(tookMs)} ms</span>
        ) : null}
      </output>
    </div>
  );
}
