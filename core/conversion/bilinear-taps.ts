/** Where each output pixel of a bilinear enlargement along one axis reads the source. */
export interface BilinearTaps {
  /** The nearer-left (or -above) source pixel. */
  first: Int32Array;
  /** The next source pixel (the same one at the clamped edges). */
  second: Int32Array;
  /** Weight of `second`; `first` gets 1 - fraction. */
  fraction: Float64Array;
}

/** Bilinear taps for resampling `source` pixels to `target`, pixel centres aligned and edges clamped. Pure. */
export function bilinearTaps(source: number, target: number): BilinearTaps {
  const first = new Int32Array(target);
  const second = new Int32Array(target);
  const fraction = new Float64Array(target);
  const scale = source / target;
  for (let t = 0; t < target; t++) {
    const centre = Math.min(source - 1, Math.max(0, (t + 0.5) * scale - 0.5));
    first[t] = Math.floor(centre);
    second[t] = Math.min(source - 1, first[t]! + 1);
    fraction[t] = centre - first[t]!;
  }
  return { first, second, fraction };
}
