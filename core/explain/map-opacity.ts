/** The colour a map is drawn in over a picture: a warm yellow, visible on the black input and on a white product photo alike. */
export const MAP_COLOUR = [255, 196, 0] as const;
/** Opacity of the strongest pixel: the picture under it stays visible. */
export const MAP_MAX_OPACITY = 0.9;

/**
 * How opaque each pixel of a map is drawn (0..MAP_MAX_OPACITY): its share of the map's largest
 * positive value; pixels that did not push the class, or pushed it away, are not drawn. One rule
 * for the popup and the report, so both show the same picture of the same map. Pure.
 */
export function mapOpacity(map: ArrayLike<number>): Float32Array {
  let peak = 0;
  for (let i = 0; i < map.length; i++) peak = Math.max(peak, map[i]!);
  return Float32Array.from(map, (v) => (peak > 0 && v > 0 ? (v / peak) * MAP_MAX_OPACITY : 0));
}
