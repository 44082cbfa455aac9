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

  /**
   * out[outOffset + k] = Σ_n table[k][n] · x[n], each sum in n order. Four coefficients
   * are summed side by side (independent chains the CPU overlaps): the same values.
   */
  apply(x: ArrayLike<number>, out: Float64Array | Float32Array, outOffset = 0): void {
    const { inputs, outputs, table } = this;
    let k = 0;
    for (; k + 4 <= outputs; k += 4) {
      const b0 = k * inputs;
      const b1 = b0 + inputs;
      const b2 = b1 + inputs;
      const b3 = b2 + inputs;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let n = 0; n < inputs; n++) {
        const v = x[n] as number;
        a0 += (table[b0 + n] as number) * v;
        a1 += (table[b1 + n] as number) * v;
        a2 += (table[b2 + n] as number) * v;
        a3 += (table[b3 + n] as number) * v;
      }
      out[outOffset + k] = a0;
      out[outOffset + k + 1] = a1;
      out[outOffset + k + 2] = a2;
      out[outOffset + k + 3] = a3;
    }
    for (; k < outputs; k++) {
      let acc = 0;
      const base = k * inputs;
      for (let n = 0; n < inputs; n++) acc += (table[base + n] as number) * (x[n] as number);
      out[outOffset + k] = acc;
    }
  }
}
