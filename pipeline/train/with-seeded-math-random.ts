import { mulberry32 } from '../shared/seeded-random.js';

/**
 * Runs `fn` with Math.random replaced by a seeded PRNG, then restores it.
 *
 * Why: tf.layers.dropout with a fixed `seed` draws the SAME mask on every call (tfjs-core seeds
 * its uniform generator with it each time), which would cripple training; without a seed it seeds
 * each call from Math.random. Seeding Math.random for the duration of training gives fresh masks
 * every step that are still reproducible from the run's seed.
 */
export async function withSeededMathRandom<T>(seed: number, fn: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = mulberry32(seed ^ 0x5bd1e995);
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
