import { MAP_COLOUR, mapOpacity } from '../../core/explain/map-opacity.js';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/model-contract.js';
import type { RgbaImage } from '../../core/conversion/types.js';

/** The 28x28 input with its map laid over it as the popup lays it (core's mapOpacity, in MAP_COLOUR): one opaque RGBA picture for the report. Pure. */
export function mapOverInput(input: Uint8Array, map: ArrayLike<number>): RgbaImage {
  if (input.length !== IMAGE_PIXELS || map.length !== IMAGE_PIXELS) throw new Error(`mapOverInput takes a ${IMAGE_SIZE}x${IMAGE_SIZE} input and map (${IMAGE_PIXELS} values each), got ${input.length} and ${map.length}.`);
  const opacity = mapOpacity(map);
  const data = new Uint8ClampedArray(IMAGE_PIXELS * 4);
  for (let i = 0; i < IMAGE_PIXELS; i++) {
    const a = opacity[i]!;
    data.set([...MAP_COLOUR.map((c) => input[i]! * (1 - a) + c * a), 255], i * 4);
  }
  return { data, width: IMAGE_SIZE, height: IMAGE_SIZE };
}
