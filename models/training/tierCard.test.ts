import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIER_END, TIER_START, writeTierSection } from './tierCard';

describe('writeTierSection', () => {
  it('appends the section once, then replaces it in place', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sm-card-')), 'CARD.md');
    writeFileSync(path, '# Card\n\nintro\n');
    writeTierSection(path, `${TIER_START}\nfirst\n${TIER_END}\n`);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n## After\n`);
    writeTierSection(path, `${TIER_START}\nsecond\n${TIER_END}\n`);
    const card = readFileSync(path, 'utf8');
    expect(card).toContain('second');
    expect(card).not.toContain('first');
    expect(card.indexOf('intro')).toBeLessThan(card.indexOf('second'));
    expect(card.indexOf('second')).toBeLessThan(card.indexOf('## After'));
    expect(card.split(TIER_START)).toHaveLength(2);
  });
});
