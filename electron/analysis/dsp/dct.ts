/** Orthonormal DCT-II keeping the first `outputs` coefficients (as used for MFCCs). */
export class Dct {
  private readonly table: Float64Array;

  constructor(
    readonly inputs: number,
    readonly outputs: number,
  ) {
    this.table = new Float64Array(inputs * outputs);
    for (let k = 0; k < outputs; k++) {
      const scale = k === 0 ? Math.sqrt(1 / inputs) : Math.sqrt(2 / inputs);
      for (let n = 0; n < inputs; n++) {
        this.table[k * inputs + n] = scale * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * inputs));
      }
    }
  }

  apply(x: ArrayLike<number>, out: Float64Array | Float32Array, outOffset = 0): void {
    const { inputs, outputs, table } = this;
    for (let k = 0; k < outputs; k++) {
      let acc = 0;
      const base = k * inputs;
      for (let n = 0; n < inputs; n++) acc += (table[base + n] as number) * (x[n] as number);
      out[outOffset + k] = acc;
    }
  }
}
