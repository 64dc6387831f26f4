import { epochSeed, mulberry32 } from '../shared/seeded-random.js';

/** The order in which epoch `epoch` visits `count` samples: a Fisher-Yates shuffle seeded by (seed, epoch). */
export function shuffledIndices(count: number, seed: number, epoch: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const random = mulberry32(epochSeed(seed, epoch));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
