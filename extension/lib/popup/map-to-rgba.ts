import { MAP_COLOUR, mapOpacity } from '../../../core/explain/map-opacity';
import { IMAGE_SIZE } from '../../../core/model-contract';
import type { Rect } from '../../../core/conversion/types';

/** The part `rect` of a 28x28 map as RGBA pixels for a canvas laid over the picture: core's colour and opacity rule (mapOpacity). Pure. */
export function mapToRgba(map: readonly number[], rect: Rect = { left: 0, top: 0, width: IMAGE_SIZE, height: IMAGE_SIZE }): Uint8ClampedArray<ArrayBuffer> {
  const opacity = mapOpacity(map);
  const out = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++)
    for (let x = 0; x < rect.width; x++) {
      const alpha = opacity[(rect.top + y) * IMAGE_SIZE + rect.left + x] ?? 0;
      out.set([...MAP_COLOUR, Math.round(alpha * 255)], (y * rect.width + x) * 4);
    }
  return out;
}
