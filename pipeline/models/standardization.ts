/** The training set's per-pixel mean and std (784 values each, std already > 0), baked into each model. */
export interface StandardizationArrays {
  /** Per-pixel mean over the training images, row-major 28x28. */
  mean: Float32Array;
  /** Per-pixel standard deviation (+ epsilon) over the training images, row-major 28x28. */
  std: Float32Array;
}
