import { describe, expect, it } from 'vitest';
import { domainOf } from './domain';

describe('domainOf', () => {
  it('names a hydrogen sample by its kit and any other by its source', () => {
    expect(domainOf({ source: 'hydrogen', group: 'kit:BJA_Pacific' })).toBe('kit:BJA_Pacific');
    expect(domainOf({ source: 'fluidr3', group: 'fluidr3:gm32' })).toBe('fluidr3');
    expect(domainOf({ source: 'fluidr3', group: 'fluidr3:drums' })).toBe('fluidr3');
    expect(domainOf({ source: 'sonicpi', group: 'sonicpi:ambi' })).toBe('sonicpi');
  });

  it('keeps every speech voice and every synthesised effect in one domain per source', () => {
    expect(domainOf({ source: 'speech', group: 'speech:flite-slt' })).toBe('speech');
    expect(domainOf({ source: 'synthfx', group: 'synthfx:riser:b3' })).toBe('synthfx');
  });
});
