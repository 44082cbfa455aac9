import type { SliceCreator } from './types';

export type View = 'browser' | 'duplicates' | 'map' | 'settings';
export type Theme = 'dark' | 'light';

export interface UiSlice {
  view: View;
  theme: Theme;
  tagEditorOpen: boolean;
  similarOpen: boolean;
  chatOpen: boolean;
  setView(view: View): void;
  setTheme(theme: Theme): void;
  setTagEditorOpen(open: boolean): void;
  setSimilarOpen(open: boolean): void;
  setChatOpen(open: boolean): void;
}

const THEME_KEY = 'samplemind.theme';

function storedTheme(): Theme {
  try {
    return localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  view: 'browser',
  theme: storedTheme(),
  tagEditorOpen: false,
  similarOpen: false,
  chatOpen: false,
  setView(view) {
    set({ view });
  },
  setTheme(theme) {
    set({ theme });
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      /* session only */
    }
  },
  setTagEditorOpen(open) {
    set({ tagEditorOpen: open });
  },
  setSimilarOpen(open) {
    set({ similarOpen: open });
  },
  setChatOpen(open) {
    set({ chatOpen: open });
  },
});
