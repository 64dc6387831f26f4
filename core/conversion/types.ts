/** An image as plain RGBA bytes (what a canvas gives): no DOM, so Node and the browser share the code. */
export interface RgbaImage {
  /** width*height*4 bytes, RGBA, row-major. */
  data: Uint8Array | Uint8ClampedArray;
  /** Width in pixels (positive integer). */
  width: number;
  /** Height in pixels (positive integer). */
  height: number;
}

/** A rectangle of pixels: [x0, x1) x [y0, y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A single-channel image with float values 0..255. */
export interface GrayImage {
  data: Float32Array;
  width: number;
  height: number;
}
