/**
 * File names may hold terminal control characters (ESC sequences that retitle the window
 * or clear the screen, bidi overrides that reorder text). Human output shows them as
 * visible escapes (`\x1b`, `\u202e`); `--json` output is left to JSON's own escaping.
 */
// C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Our own progress redraw ("\r" + erase line) stays; everything after it is escaped. */
const REDRAW = '\r\x1b[K';

export function escapeProgress(text: string): string {
  return text.startsWith(REDRAW)
    ? REDRAW + escapeControls(text.slice(REDRAW.length))
    : escapeControls(text);
}
