import type { FloatImage } from './types.js';

/** Zalando's sharpening: "a Gaussian operator with the radius and standard deviation of 1.0". */
export const SHARPEN_RADIUS = 1;
export const SHARPEN_SIGMA = 1;

/**
 * ImageMagick's kernel width for a radius: 2*ceil(radius)+1, or for radius 0 the narrowest odd
 * width whose edge weight is below 1/65535 (the Q16 build), as GetOptimalKernelWidth2D does.
 */
export function sharpenKernelWidth(radius: number, sigma: number): number {
  if (radius > 0) return 2 * Math.ceil(radius) + 1;
  for (let width = 5; ; width += 2) {
    const j = (width - 1) / 2;
    let total = 0;
    for (let v = -j; v <= j; v++) for (let u = -j; u <= j; u++) total += Math.exp(-(u * u + v * v) / (2 * sigma * sigma));
    if (Math.exp(-(j * j) / (2 * sigma * sigma)) / total < 1 / 65535) return width - 2;
  }
}

/**
 * The normalised kernel of ImageMagick's SharpenImage (what `-sharpen {radius}x{sigma}` runs):
 * every tap is minus the Gaussian G(u, v) = exp(-(u²+v²)/2σ²), the centre is replaced by twice
 * the Gaussian's sum S, and the whole is divided by its sum, S + G(0,0). Written as an unsharp
 * mask that is
 *
 *   out = in + (S / (S + G(0,0))) * (in - blur(in)),   blur = the normalised Gaussian over the kernel,
 *
 * so for radius 1, sigma 1 (3x3, S = 4.898): out = in + 0.830 * (in - blur3x3(in)). A flat area
 * is unchanged; both sides of an edge are pushed apart.
 */
export function sharpenKernel(radius = SHARPEN_RADIUS, sigma = SHARPEN_SIGMA): Float64Array {
  const width = sharpenKernelWidth(radius, sigma);
  const j = (width - 1) / 2;
  const kernel = new Float64Array(width * width);
  let sum = 0;
  for (let v = -j, i = 0; v <= j; v++) {
    for (let u = -j; u <= j; u++, i++) {
      kernel[i] = -Math.exp(-(u * u + v * v) / (2 * sigma * sigma));
      sum += kernel[i]!;
    }
  }
  kernel[(width * width - 1) / 2] = -2 * sum;
  const total = kernel.reduce((a, b) => a + b, 0);
  return kernel.map((k) => k / total);
}

/**
 * Step 4: sharpens each channel with sharpenKernel (edges clamped, as ImageMagick's default
 * virtual pixels), then clamps to 0..255 as ImageMagick clamps to its quantum range.
 */
export function sharpen(image: FloatImage, radius = SHARPEN_RADIUS, sigma = SHARPEN_SIGMA): FloatImage {
  const { width, height, channels, data } = image;
  const kernel = sharpenKernel(radius, sigma);
  const size = Math.sqrt(kernel.length);
  const j = (size - 1) / 2;
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let v = -j, k = 0; v <= j; v++) {
          const yy = Math.min(height - 1, Math.max(0, y + v));
          for (let u = -j; u <= j; u++, k++) {
            const xx = Math.min(width - 1, Math.max(0, x + u));
            sum += data[(yy * width + xx) * channels + c]! * kernel[k]!;
          }
        }
        out[(y * width + x) * channels + c] = Math.min(255, Math.max(0, sum));
      }
    }
  }
  return { data: out, width, height, channels };
}
