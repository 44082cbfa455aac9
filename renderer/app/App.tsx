import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useStoreFields } from '../store/fields';
import { BrowserTable } from '../features/browser/BrowserTable';
import { FilterChips } from '../features/search/FilterChips';
import { DescribePanel } from '../features/search/DescribePanel';
import { SearchBar } from '../features/search/SearchBar';
import { Sidebar } from '../features/sidebar/Sidebar';
import { AddFolder } from '../features/importing/AddFolder';
import { ImportStatus } from '../features/importing/ImportStatus';
import { PlayerBar } from '../features/player/PlayerBar';
import { TagEditor } from '../features/tags/TagEditor';
import { SimilarPanel } from '../features/similar/SimilarPanel';
import { SelectionBar } from '../features/selection/SelectionBar';
import { useKeyboard } from './useKeyboard';
import { useDropFolders } from '../features/importing/useDropFolders';
import { useLibraryRefresh } from '../features/importing/useLibraryRefresh';

const SettingsView = lazy(() => import('../features/settings/SettingsView'));
const DuplicatesView = lazy(() => import('../features/duplicates/DuplicatesView'));
const MapView = lazy(() => import('../features/map/MapView'));

// The chat panel belongs to the AI work; it is loaded only when that feature exists.
const chatModules = import.meta.glob<{ ChatPanel: ComponentType }>(
  '../features/chat/ChatPanel.tsx',
);
const chatLoader = Object.values(chatModules)[0];
const ChatPanel = chatLoader
  ? lazy(() => chatLoader().then((m) => ({ default: m.ChatPanel })))
  : null;

function EmptyLibrary() {
  return (
    <div className="empty" role="region" aria-label="Get started">
      <h2>Your library is empty</h2>
      <p className="muted">
        Add a folder of samples. It is listed within seconds and analysed in the background.
      </p>
      <AddFolder />
    </div>
  );
}

function NoMatches() {
  const reset = () => {
    const s = useStore.getState();
    s.setText('');
  };
  return (
    <div className="empty" role="status">
      <h2>No samples match</h2>
      <p className="muted">Try fewer words or clear some filters.</p>
      <button type="button" onClick={reset}>
        Clear search
      </button>
    </div>
  );
}

function BrowserView() {
  // Only what decides the layout: typing (loading, new totals) must not re-render the view.
  const { empty, folders, searchError } = useStore(
    useShallow((s) => ({
      empty: s.total === 0 && !s.loading,
      folders: s.folders.length,
      searchError: s.searchError,
    })),
  );
  return (
    <>
      <div className="query-bar">
        <SearchBar />
        <FilterChips />
        <DescribePanel />
      </div>
      {searchError && (
        <p className="error pad" role="alert">
          Search failed: {searchError}{' '}
          <button type="button" className="link" onClick={() => void useStore.getState().search()}>
            Retry
          </button>
        </p>
      )}
      <SelectionBar />
      {empty ? folders === 0 ? <EmptyLibrary /> : <NoMatches /> : <BrowserTable />}
    </>
  );
}

export function App() {
  const { view, theme, notice, chatOpen, similarOpen } = useStoreFields(
    'view',
    'theme',
    'notice',
    'chatOpen',
    'similarOpen',
  );
  useKeyboard();
  useDropFolders();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useLibraryRefresh();

  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to samples
      </a>
      <header className="topbar">
        <h1 className="brand">
          <span aria-hidden>◉</span> SampleMind
        </h1>
        <AddFolder compact />
        {ChatPanel && (
          <button
            type="button"
            className={chatOpen ? 'toggle toggle--on' : 'toggle'}
            aria-pressed={chatOpen}
            onClick={() => useStore.getState().setChatOpen(!chatOpen)}
          >
            Assistant
          </button>
        )}
      </header>
      <ImportStatus />
      <div className="body">
        <Sidebar />
        <main id="main" className="main" aria-label={view === 'browser' ? 'Sample browser' : view}>
          <Suspense fallback={<p className="muted pad">Loading…</p>}>
            {view === 'browser' && <BrowserView />}
            {view === 'settings' && <SettingsView />}
            {view === 'duplicates' && <DuplicatesView />}
            {view === 'map' && <MapView />}
          </Suspense>
        </main>
        {similarOpen && <SimilarPanel />}
        {ChatPanel && chatOpen && (
          <aside className="side-panel" aria-label="Assistant">
            <Suspense fallback={<p className="muted pad">Loading…</p>}>
              <ChatPanel />
            </Suspense>
          </aside>
        )}
      </div>
      <PlayerBar />
      <TagEditor />
      {notice && (
        <div
          className={`toast toast--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </div>
      )}
    </div>
  );
}
