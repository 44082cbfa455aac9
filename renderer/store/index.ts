import { create } from 'zustand';
import { createLibrarySlice } from './librarySlice';
import { createSelectionSlice } from './selectionSlice';
import { createPlayerSlice } from './playerSlice';
import { createOrganiseSlice } from './organiseSlice';
import { createUiSlice } from './uiSlice';
import type { AppState } from './types';

/** The one store of the renderer, built from slices. Read it with selectors (+ useShallow). */
export const useStore = create<AppState>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createSelectionSlice(...a),
  ...createPlayerSlice(...a),
  ...createOrganiseSlice(...a),
  ...createUiSlice(...a),
}));

export type { AppState } from './types';
