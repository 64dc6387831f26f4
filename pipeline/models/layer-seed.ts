/**
 * The initializer seed of one layer, derived from the run's seed and the layer's name (FNV-1a of
 * the name mixed with the seed). Same run seed, same layer: same initial weights; each layer
 * still gets its own stream, and adding a layer does not shift the others' seeds.
 */
export function layerSeed(seed: number, layerName: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < layerName.length; i++) h = Math.imul(h ^ layerName.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
