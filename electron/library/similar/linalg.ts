/** Small dense linear algebra for the similarity index: covariance, eigenvectors, PCA. */

/** Eigen-decomposition of a symmetric n×n matrix (row-major) by cyclic Jacobi rotations. */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

/**
 * The top `k` principal directions of rows (each `dims` wide, already centred or not:
 * the mean is removed here). Returns k×dims row-major components, strongest first.
 */
export function principalComponents(
  rows: Float32Array,
  count: number,
  dims: number,
  k: number,
): Float64Array {
  const mean = new Float64Array(dims);
  for (let r = 0; r < count; r++) for (let d = 0; d < dims; d++) mean[d]! += rows[r * dims + d]!;
  for (let d = 0; d < dims; d++) mean[d]! /= Math.max(1, count);
  const cov = new Float64Array(dims * dims);
  const x = new Float64Array(dims);
  for (let r = 0; r < count; r++) {
    for (let d = 0; d < dims; d++) x[d] = rows[r * dims + d]! - mean[d]!;
    for (let i = 0; i < dims; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      for (let j = i; j < dims; j++) cov[i * dims + j]! += xi * x[j]!;
    }
  }
  for (let i = 0; i < dims; i++)
    for (let j = i; j < dims; j++) {
      const c = cov[i * dims + j]! / Math.max(1, count - 1);
      cov[i * dims + j] = c;
      cov[j * dims + i] = c;
    }
  const { values, vectors } = symmetricEigen(cov, dims);
  const order = Array.from(values.keys()).sort((i, j) => values[j]! - values[i]!);
  const out = new Float64Array(k * dims);
  for (let c = 0; c < k && c < dims; c++) {
    const col = order[c]!;
    for (let d = 0; d < dims; d++) out[c * dims + d] = vectors[d * dims + col]!;
  }
  return out;
}
