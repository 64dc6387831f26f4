/** How many numbers the given weights hold (the product of each shape, summed): Keras' parameter count. Pure. */
export function countParameters(weights: readonly { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}
