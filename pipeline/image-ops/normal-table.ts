import { mulberry32 } from '../shared/seeded-random.js';
import { normalPair } from './normal-random.js';

const SIZE = 1 << 16;
const MASK = SIZE - 1;

/**
 * 65,536 standard normal draws made once from a fixed seed. Pixel noise reads them at a random
 * offset and odd stride per image, so an image's noise costs two uniform draws instead of 784
 * normal ones (Box-Muller for every pixel was the slowest step of the augmentation).
 */
const TABLE: Float32Array = (() => {
  const random = mulberry32(0x6e6f6973);
  const table = new Float32Array(SIZE);
  const pair: [number, number] = [0, 0];
  for (let i = 0; i < SIZE; i += 2) {
    normalPair(random, pair);
    table[i] = pair[0];
    table[i + 1] = pair[1];
  }
  return table;
})();

/** A walk through the table chosen by two uniform draws: the k-th normal is normalAt(walk, k). */
export interface NormalWalk {
  offset: number;
  stride: number;
}

export function normalWalk(random: () => number): NormalWalk {
  return { offset: Math.floor(random() * SIZE), stride: 1 + 2 * Math.floor(random() * (SIZE / 2)) };
}

export const normalAt = (walk: NormalWalk, k: number): number => TABLE[(walk.offset + k * walk.stride) & MASK]!;
