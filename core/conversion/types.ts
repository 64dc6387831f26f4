/** An image as plain RGBA bytes (what a canvas or a PNG decoder gives): no DOM, so Node and the browser share the code. */
export interface RgbaImage {
  /** width*height*4 bytes, RGBA, row-major, not premultiplied. */
  data: Uint8Array | Uint8ClampedArray;
  /** Width in pixels (a positive integer). */
  width: number;
  /** Height in pixels (a positive integer). */
  height: number;
}

/** An RGB colour, each channel 0..255. */
export type Rgb = readonly [number, number, number];

/** A rectangle of pixels: columns x0 <= x < x1, rows y0 <= y < y1. */
export interface Box {
  /** First column inside the box. */
  x0: number;
  /** First row inside the box. */
  y0: number;
  /** First column past the box (exclusive). */
  x1: number;
  /** First row past the box (exclusive). */
  y1: number;
}

/**
 * An image between the conversion's steps: float samples 0..255 (sharpening may leave values
 * outside before it clamps), interleaved channels, row-major. Floats keep the steps from
 * rounding twice; only the last step makes bytes.
 */
export interface FloatImage {
  /** width*height*channels samples. */
  data: Float32Array;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** 3 (RGB) until the grayscale step, 1 after it. */
  channels: 1 | 3;
}

/** A rectangle by its left and top edges and its size. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the Fashion-MNIST input came from: the part of the photo the conversion kept, resized to
 * `target` inside the 28x28 (the rest of the 28x28 is padding). What is drawn on the input's
 * `target` rectangle lies over the photo's `source` rectangle.
 */
export interface InputPlacement {
  /** The trimmed box, as fractions 0..1 of the photo's width and height (so it fits any scaled copy, the popup's thumbnail too). */
  source: Rect;
  /** Where it sits in the 28x28 input, in input pixels. */
  target: Rect;
}
