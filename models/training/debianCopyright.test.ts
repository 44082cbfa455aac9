import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCopyright, stanzaFor } from './debianCopyright';

const SAMPLE = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: demo

Files: *
Copyright: 2001 Someone
License: GPL-2+

Files:
 drumkits/Gimme?A?Hand?1.0.h2drumkit
 drumkits/Other.h2drumkit
Copyright: Glen MacArthur
License: GPL-2
Comment:
 multi-line

Files: debian/*
Copyright: 2015 Packager
License: GPL-3+
 The full text.
`;

describe('Debian copyright (DEP-5)', () => {
  it('parses stanzas with files, licence and copyright', () => {
    const stanzas = parseCopyright(SAMPLE);
    expect(stanzas.map((s) => s.license)).toEqual(['GPL-2+', 'GPL-2', 'GPL-3+']);
    expect(stanzas[1]?.files).toEqual([
      'drumkits/Gimme?A?Hand?1.0.h2drumkit',
      'drumkits/Other.h2drumkit',
    ]);
    expect(stanzas[1]?.copyright).toBe('Glen MacArthur');
  });

  it('answers the last matching stanza, with ? and * globs', () => {
    const stanzas = parseCopyright(SAMPLE);
    expect(stanzaFor(stanzas, 'drumkits/Gimme A Hand 1.0.h2drumkit')?.license).toBe('GPL-2');
    expect(stanzaFor(stanzas, 'debian/rules')?.license).toBe('GPL-3+');
    expect(stanzaFor(stanzas, 'data/samples/x.ogg')?.license).toBe('GPL-2+');
    expect(stanzaFor([], 'x')).toBeNull();
  });

  it('reads the installed hydrogen-drumkits copyright file', () => {
    const stanzas = parseCopyright(
      readFileSync('/usr/share/doc/hydrogen-drumkits/copyright', 'utf8'),
    );
    expect(stanzaFor(stanzas, 'drumkits/Audiophob.h2drumkit')?.license).toBe('CC0');
    expect(stanzaFor(stanzas, 'drumkits/circAfrique v4.h2drumkit')).toBeNull(); // listed as circAfrique.h2drumkit
  });
});
