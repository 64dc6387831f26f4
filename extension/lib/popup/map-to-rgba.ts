import { IMAGE_SIZE } from '../../../core/model-contract';
import type { Rect } from '../../../core/conversion/types';

/** The overlay's colour: a warm yellow, visible on the black input and on a white product photo alike. */
export const MAP_COLOUR = [255, 196, 0] as const;
/** Opacity of the strongest pixel (0..255): the picture under it stays visible. */
const MAX_ALPHA = 230;

/**
 * The part `rect` of a 28x28 map as RGBA pixels for a canvas: each pixel that pushed the class up
 * (a positive value) in MAP_COLOUR, as opaque as its share of the map's largest positive value;
 * pixels that did not push, or pushed away, stay transparent. Pure.
 */
export function mapToRgba(map: readonly number[], rect: Rect = { left: 0, top: 0, width: IMAGE_SIZE, height: IMAGE_SIZE }): Uint8ClampedArray<ArrayBuffer> {
  const peak = Math.max(0, ...map);
  const out = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++)
    for (let x = 0; x < rect.width; x++) {
      const value = map[(rect.top + y) * IMAGE_SIZE + rect.left + x] ?? 0;
      const alpha = peak > 0 && value > 0 ? Math.round((value / peak) * MAX_ALPHA) : 0;
      out.set([...MAP_COLOUR, alpha], (y * rect.width + x) * 4);
    }
  return out;
}
