/**
 * Reads a Debian machine-readable copyright file (DEP-5) and answers which licence
 * covers a path of the upstream source. The last matching `Files:` stanza wins, as
 * DEP-5 specifies.
 */

export interface CopyrightStanza {
  files: string[];
  license: string;
  copyright: string;
}

function field(lines: string[], name: string): string[] | null {
  const start = lines.findIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (start < 0) return null;
  const first = (lines[start] as string).slice(name.length + 1).trim();
  const rest: string[] = [];
  for (let i = start + 1; i < lines.length && /^\s/.test(lines[i] as string); i++) {
    rest.push((lines[i] as string).trim());
  }
  return [first, ...rest];
}

/** Stanzas that have both `Files` and `License`, in file order. */
export function parseCopyright(text: string): CopyrightStanza[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'))
    .flatMap((lines) => {
      const files = field(lines, 'Files');
      const license = field(lines, 'License');
      if (!files || !license) return [];
      return [
        {
          files: files.join(' ').split(/\s+/).filter(Boolean),
          license: (license[0] as string) || 'unknown',
          copyright: (field(lines, 'Copyright') ?? []).filter(Boolean).join('; '),
        },
      ];
    });
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The stanza covering `path` (relative to the upstream source root), or null. */
export function stanzaFor(
  stanzas: readonly CopyrightStanza[],
  path: string,
): CopyrightStanza | null {
  let found: CopyrightStanza | null = null;
  for (const s of stanzas) if (s.files.some((g) => globToRegExp(g).test(path))) found = s;
  return found;
}
