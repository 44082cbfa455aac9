import { UsageError } from './command';

type Value = string | boolean | string[] | boolean[] | undefined;

/** `{ [name]: value }` when the string flag `name` was given, else `{}` (to spread into a request). */
export function stringFlag<K extends string>(
  values: Readonly<Record<string, Value>>,
  name: K,
): { [P in K]?: string } {
  const value = values[name];
  return typeof value === 'string' ? ({ [name]: value } as { [P in K]?: string }) : {};
}

/** A whole-number flag in [min, max]; undefined when not given. Anything else is a usage error. */
export function intFlag(value: Value, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} takes a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not "${String(value)}"`,
    );
  return n;
}

/** A number flag in [min, max]; undefined when not given. */
export function numberFlag(
  value: Value,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} takes a number from ${min} to ${max}, not "${String(value)}"`);
  return n;
}

/** A sample/folder/collection id given as a positional or flag. */
export function idArg(value: string | undefined, what: string): number {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${what} is an id (a whole number), not "${value ?? ''}"`);
  return n;
}
