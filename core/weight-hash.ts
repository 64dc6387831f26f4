import * as tf from '@tensorflow/tfjs';

/**
 * Lower-case hex SHA-256 of a model's weight data: every shard of model.json's weightsManifest
 * joined in manifest order, as tf.js assembles them when it loads the model. Our exports have one
 * shard (weights.bin), so this is that file's own hash (`sha256sum weights.bin`). WebCrypto, so
 * the same code runs in Node and in the extension.
 */
export async function weightDataSha256(weightData: tf.io.WeightData | Uint8Array): Promise<string> {
  const bytes: ArrayBuffer = weightData instanceof Uint8Array ? weightData.slice().buffer : tf.io.CompositeArrayBuffer.join(weightData);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An IOHandler that loads through `handler` and refuses weights whose SHA-256 is not `expected`
 * (20 kB of flipped weight bytes loaded fine and answered "Bag 100%" for every
 * image). The error names `source` and `where` (the metadata that recorded the hash).
 */
export function checkWeightHash(handler: tf.io.IOHandler, expected: string, source: string, where: string): tf.io.IOHandler {
  return {
    async load() {
      if (!handler.load) throw new Error(`${source} cannot be loaded (its handler has no load())`);
      const artifacts = await handler.load();
      const actual = artifacts.weightData ? await weightDataSha256(artifacts.weightData) : 'no weight data';
      if (actual !== expected) {
        throw new Error(`the weights of ${source} do not match the SHA-256 that ${where} records (${expected.slice(0, 12)}…, they hash to ${actual.slice(0, 12)}…): the weight file is damaged or comes from another export`);
      }
      return artifacts;
    },
  };
}
