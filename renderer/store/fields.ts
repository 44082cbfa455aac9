import { useShallow } from 'zustand/react/shallow';
import { useStore } from './index';
import type { AppState } from './types';

/** The named fields of a state, as one object. */
export function pickFields<K extends keyof AppState>(
  state: AppState,
  keys: readonly K[],
): Pick<AppState, K> {
  const out = {} as Pick<AppState, K>;
  for (const k of keys) out[k] = state[k];
  return out;
}

/** Some fields of the store; the component re-renders only when one of them changes. */
export function useStoreFields<K extends keyof AppState>(...keys: K[]): Pick<AppState, K> {
  return useStore(useShallow((s) => pickFields(s, keys)));
}
