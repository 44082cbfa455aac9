import type { ReactNode } from 'react';

/**
 * A button that is on or off: aria-pressed, and `pressedClassName` added while on
 * (by default the `toggle` / `toggle--on` look).
 */
export function ToggleButton(props: {
  pressed: boolean;
  onToggle: (next: boolean) => void;
  className?: string;
  pressedClassName?: string;
  title?: string;
  children: ReactNode;
}) {
  const { pressed, className = 'toggle', pressedClassName = 'toggle--on' } = props;
  return (
    <button
      type="button"
      className={pressed ? `${className} ${pressedClassName}` : className}
      aria-pressed={pressed}
      onClick={() => props.onToggle(!pressed)}
      title={props.title}
    >
      {props.children}
    </button>
  );
}
