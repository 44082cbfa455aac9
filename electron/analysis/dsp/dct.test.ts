import { describe, expect, it } from 'vitest';
import { Dct } from './dct';

describe('Dct', () => {
  it('gives each coefficient exactly the direct sum in input order (4 summed side by side)', () => {
    for (const outputs of [1, 4, 13]) {
      const dct = new Dct(40, outputs);
      const x = Float64Array.from({ length: 40 }, (_, i) =>
        Math.log(1e-3 + Math.abs(Math.sin(i * 1.7))),
      );
      const out = new Float64Array(outputs + 2);
      dct.apply(x, out, 2);
      for (let k = 0; k < outputs; k++) {
        const scale = k === 0 ? Math.sqrt(1 / 40) : Math.sqrt(2 / 40);
        let acc = 0;
        for (let n = 0; n < 40; n++)
          acc += scale * Math.cos((Math.PI * k * (2 * n + 1)) / 80) * (x[n] as number);
        expect(out[2 + k]).toBe(acc);
      }
    }
  });
});
