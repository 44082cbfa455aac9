import { describe, expect, it } from 'vitest';
import { analysisStatusText } from './analysisStatus';

describe('analysisStatusText', () => {
  it('says nothing for analysed samples', () => {
    expect(analysisStatusText('done', null)).toBeNull();
  });
  it('names waiting, running and failed, with the reason when known', () => {
    expect(analysisStatusText('pending', null)).toMatch(/Waiting/);
    expect(analysisStatusText('running', null)).toBe('Analysing…');
    expect(analysisStatusText('failed', null)).toBe('Analysis failed');
    expect(analysisStatusText('failed', 'unsupported codec')).toBe(
      'Analysis failed: unsupported codec',
    );
  });
});
