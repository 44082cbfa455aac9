import type { AspectWeights } from '../../shared/contract/similar';
import { back, EMPTY_TRAIL, forward, visit, type Trail } from '../features/similar/trail';
import type { SliceCreator } from './types';

export type View = 'browser' | 'duplicates' | 'map' | 'settings';
export type Theme = 'dark' | 'light';

export interface UiSlice {
  view: View;
  theme: Theme;
  tagEditorOpen: boolean;
  similarOpen: boolean;
  chatOpen: boolean;
  /** The samples whose neighbours the Similar panel showed (back/forward). */
  similarTrail: Trail;
  /** Which aspects "similar" weighs (1 on, 0 off). */
  similarAspects: AspectWeights;
  /** Opens the Similar panel on a sample's neighbours. */
  openSimilar(id: number): void;
  similarBack(): void;
  similarForward(): void;
  setSimilarAspects(aspects: AspectWeights): void;
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
  similarTrail: EMPTY_TRAIL,
  similarAspects: { timbre: 1, envelope: 1, pitch: 1, rhythm: 1 },
  openSimilar(id) {
    set((s) => ({ similarOpen: true, similarTrail: visit(s.similarTrail, id) }));
  },
  similarBack() {
    set((s) => ({ similarTrail: back(s.similarTrail) }));
  },
  similarForward() {
    set((s) => ({ similarTrail: forward(s.similarTrail) }));
  },
  setSimilarAspects(aspects) {
    set({ similarAspects: aspects });
  },
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
