/**
 * Keys never reach a log, an error message or the renderer: every text that leaves the
 * AI domain goes through redactSecrets with the keys the process knows.
 */

export const REDACTED = '[redacted]';

/** Shapes of API keys from the providers we talk to (for keys we were never told about). */
const KEY_PATTERNS: RegExp[] = [
  /\bsk-ant-[A-Za-z0-9_-]{8,}/g,
  /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g,
  /\bgsk_[A-Za-z0-9]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /(\bBearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi,
  /(\bx-api-key["':\s]+)[A-Za-z0-9._-]{12,}/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every known secret (and anything shaped like a provider key) with [redacted]. */
export function redactSecrets(
  text: string,
  secrets: Iterable<string | null | undefined> = [],
): string {
  let out = text;
  const known = [...secrets].filter((s): s is string => typeof s === 'string' && s.length >= 6);
  // Longest first, so a key that contains another is replaced whole.
  known.sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  for (const pattern of KEY_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: unknown) =>
      typeof prefix === 'string' ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}
