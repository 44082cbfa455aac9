import { describe, expect, it } from 'vitest';
import { domainOf } from './domain';

describe('domainOf', () => {
  it('names a hydrogen sample by its kit and any other by its source', () => {
    expect(domainOf({ source: 'hydrogen', group: 'kit:BJA_Pacific' })).toBe('kit:BJA_Pacific');
    expect(domainOf({ source: 'fluidr3', group: 'fluidr3:gm32' })).toBe('fluidr3');
    expect(domainOf({ source: 'fluidr3', group: 'fluidr3:drums' })).toBe('fluidr3');
    expect(domainOf({ source: 'sonicpi', group: 'sonicpi:ambi' })).toBe('sonicpi');
  });

  it('names a speech sample by its voice and a synthesised effect by its type', () => {
    expect(domainOf({ source: 'speech', group: 'speech:flite-slt' })).toBe('speech:flite-slt');
    expect(domainOf({ source: 'synthfx', group: 'synthfx:riser:b3' })).toBe('synthfx:riser');
    expect(domainOf({ source: 'synthfx', group: 'synthfx:ui:b10' })).toBe('synthfx:ui');
  });
});
