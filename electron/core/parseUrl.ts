/** `raw` as a URL, or null when it is not one (the WHATWG parser throws). */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
