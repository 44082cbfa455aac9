import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useStore } from './store';

// The first search goes out now, while React renders the first screen.
void useStore.getState().boot();

// (React's first render replaces the static first screen, if one was painted, in one commit.)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
