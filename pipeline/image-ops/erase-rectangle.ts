import { SIDE, type GrayImage } from './gray-image.js';

/** A rectangle of whole pixels: columns x0..x1-1, rows y0..y1-1. */
export interface PixelRectangle {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The rectangle of `areaShare` of the image with width/height `aspect`, its centre at
 * (`centreX`, `centreY`) in 0..1 of the image, clipped to the image. Pure.
 */
export function rectangleAt(areaShare: number, aspect: number, centreX: number, centreY: number): PixelRectangle {
  const area = areaShare * SIDE * SIDE;
  const width = Math.min(SIDE, Math.max(1, Math.round(Math.sqrt(area * aspect))));
  const height = Math.min(SIDE, Math.max(1, Math.round(Math.sqrt(area / aspect))));
  const x0 = Math.min(SIDE - width, Math.max(0, Math.round(centreX * SIDE - width / 2)));
  const y0 = Math.min(SIDE - height, Math.max(0, Math.round(centreY * SIDE - height / 2)));
  return { x0, y0, x1: x0 + width, y1: y0 + height };
}

/** Fills `rect` of `image` with `level`, in place (random erasing: a part of the item is hidden). */
export function eraseRectangle(image: GrayImage, rect: PixelRectangle, level: number): void {
  for (let y = rect.y0; y < rect.y1; y++) image.fill(level, y * SIDE + rect.x0, y * SIDE + rect.x1);
}
