import { describe, expect, it } from 'vitest';
import { isCrackle, type CrackleEvidence } from './crackle';

const fr = 86;

/** Frame energies of a floor at `floorDb` with a click of +20 dB every `every` frames. */
function levels(
  frames: number,
  floorDb: number,
  every: number,
  wander = 0,
  clickDb = 20,
): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => {
    const db = floorDb + wander * Math.sin(i / 40) + (i % every === 0 ? clickDb : 0);
    return 10 ** (db / 10);
  });
}

const crackle: CrackleEvidence = {
  durationSec: 8,
  frameEnergy: levels(8 * fr, -40, 13),
  frameRate: fr,
  events: 36,
  pitchConfidence: 0,
  activeShare: 0.22,
  localFlatness: () => 0.62,
  pulse: () => false,
};

describe('isCrackle', () => {
  it('is clicks over a steady noise floor without pulse or pitch', () => {
    expect(isCrackle(crackle)).toBe(true);
  });

  it('is not crackle where a pulse is really there, a pitch is heard, or the floor moves', () => {
    expect(isCrackle({ ...crackle, pulse: () => true })).toBe(false);
    expect(isCrackle({ ...crackle, pitchConfidence: 0.8 })).toBe(false);
    expect(isCrackle({ ...crackle, frameEnergy: levels(8 * fr, -40, 13, 12) })).toBe(false);
    expect(isCrackle({ ...crackle, localFlatness: () => 0.2 })).toBe(false);
    expect(isCrackle({ ...crackle, events: 5 })).toBe(false);
    // A snare roll or a shaker: hits that hardly stand out of their own level.
    expect(isCrackle({ ...crackle, frameEnergy: levels(8 * fr, -20, 3, 0, 8) })).toBe(false);
    expect(isCrackle({ ...crackle, durationSec: 0.8 })).toBe(false);
  });

  it('is brief clicks in silence, not drum hits that ring', () => {
    const silence = { ...crackle, frameEnergy: levels(8 * fr, -120, 13, 30), activeShare: 0.03 };
    expect(isCrackle(silence)).toBe(true);
    expect(isCrackle({ ...silence, activeShare: 0.3 })).toBe(false);
    expect(isCrackle({ ...silence, events: 5 })).toBe(false);
  });

  it('asks for the pulse only when the rest says crackle', () => {
    let asked = 0;
    const pulse = (): boolean => {
      asked++;
      return false;
    };
    isCrackle({ ...crackle, pitchConfidence: 0.9, pulse });
    expect(asked).toBe(0);
    isCrackle({ ...crackle, pulse });
    expect(asked).toBe(1);
  });
});
