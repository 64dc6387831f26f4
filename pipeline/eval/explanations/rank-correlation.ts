/** Ranks 0..n-1 of the values (ties share their mean rank). */
function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from(values, (v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Float64Array(order.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    for (let k = start; k <= end; k++) out[order[k]!.i] = (start + end) / 2;
    start = end + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation of two maps (1: same order of importance, 0: unrelated). Used to
 * check that a map changes when the model's weights are shuffled. NaN when a map is constant.
 */
export function rankCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`rankCorrelation needs two maps of the same size, got ${a.length} and ${b.length}.`);
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (a.length - 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (ra[i]! - mean) * (rb[i]! - mean);
    va += (ra[i]! - mean) ** 2;
    vb += (rb[i]! - mean) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}
