import { describe, expect, it } from 'vitest';
import { MAP_COLOUR } from '../../../../../core/explain/map-opacity';
import { mapToRgba } from '../../../../../extension/lib/popup/map-to-rgba';

describe('mapToRgba', () => {
  it('colours the pixels that pushed the class, as opaque as their share of the strongest; the rest stay transparent', () => {
    const map = Array.from({ length: 784 }, () => 0);
    map[0] = 2;
    map[1] = 1;
    map[2] = -5;
    const rgba = mapToRgba(map);
    expect(rgba).toHaveLength(784 * 4);
    expect(Array.from(rgba.slice(0, 12))).toEqual([...MAP_COLOUR, 229, ...MAP_COLOUR, 115, ...MAP_COLOUR, 0]);
    expect(rgba.filter((_, i) => i % 4 === 3 && i > 8).every((a) => a === 0)).toBe(true);
  });

  it('cuts out a rectangle of the map (the part over the photo), scaled by the whole map’s peak', () => {
    const map = Array.from({ length: 784 }, (_, i) => (i === 0 ? 10 : i === 28 * 3 + 5 ? 5 : 0));
    const rgba = mapToRgba(map, { left: 5, top: 3, width: 2, height: 1 });
    expect(Array.from(rgba)).toEqual([...MAP_COLOUR, 115, ...MAP_COLOUR, 0]);
  });

  it('draws nothing for a map without a positive value', () => {
    expect(mapToRgba(Array.from({ length: 784 }, () => -1)).filter((_, i) => i % 4 === 3).every((a) => a === 0)).toBe(true);
  });
});
