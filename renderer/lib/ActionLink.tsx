import type { ReactNode } from 'react';
import type { HandlerName, InputOf } from '../../shared/contract';
import { api } from '../api/client';

/**
 * A link-styled button that asks the backend for one action (`handler` with `input`).
 * Its answer is not awaited here: what follows is reported by the backend's events.
 */
export function ActionLink<K extends HandlerName>(props: {
  handler: K;
  input: InputOf<K>;
  className?: string;
  children: ReactNode;
}) {
  const { handler, input, className = 'link' } = props;
  return (
    <button type="button" className={className} onClick={() => void api.invoke(handler, input)}>
      {props.children}
    </button>
  );
}
