import type { StateCreator } from 'zustand';
import type { LibrarySlice } from './librarySlice';
import type { SelectionSlice } from './selectionSlice';
import type { PlayerSlice } from './playerSlice';
import type { OrganiseSlice } from './organiseSlice';
import type { UiSlice } from './uiSlice';

export type AppState = LibrarySlice & SelectionSlice & PlayerSlice & OrganiseSlice & UiSlice;
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
