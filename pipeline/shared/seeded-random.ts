/**
 * mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Deterministic shuffling and dropout
 * masks come from it, so a seed reproduces a run.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed for epoch `epoch` of a run seeded with `seed` (epochs are independent: resuming needs no replay). */
export function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b)) >>> 0;
}

/** Seed of epoch `epoch`'s augmentation draws: a stream apart from shuffling and dropout, so turning augmentation on changes neither. */
export function augmentationSeed(seed: number, epoch: number): number {
  return (epochSeed(seed, epoch) ^ 0x27d4eb2f) >>> 0;
}
