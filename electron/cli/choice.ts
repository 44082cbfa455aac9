/** A value that must come from a fixed list: anything else is a usage error with a "did you mean". */
import { suggestion } from '../../shared/suggest';
import { UsageError } from './command';

/** "a", "a or b", "a, b or c". */
export function orList(choices: readonly string[]): string {
  return choices.length <= 1
    ? (choices[0] ?? '')
    : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)!}`;
}

/** `value` when it is one of `choices`; else `<what> is a, b or c, not "x" (did you mean b?)`. */
export function oneOf<T extends string>(value: string, choices: readonly T[], what: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${what} is ${orList(choices)}, not "${value}"${suggestion(value, choices)}`,
  );
}
