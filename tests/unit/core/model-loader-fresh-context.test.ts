import * as tf from '@tensorflow/tfjs-node';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { predictProbabilities } from '../../../core/predict.js';
import { topK } from '../../../core/top-k.js';
import { buildLenet5 } from '../../../pipeline/models/build-lenet5.js';
import { countModelParams } from '../../../pipeline/models/model-summary.js';
import { hashedMetadata } from './metadata/hashed-metadata.js';
import { readFashionImages, readFashionLabels, standardizationOf } from './model-loader-fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-fresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a saved LeNet-5 in a fresh process with only core/ and pure-JS @tensorflow/tfjs', () => {
  it('loads through loadFashionModel on the CPU backend and predicts what tfjs-node predicted', async () => {
    // A few Adam steps on real images so the weights are not just their initial values.
    const train = readFashionImages('train-images-idx3-ubyte.gz', 256);
    const model = buildLenet5({ standardization: standardizationOf(train), seed: 42 });
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy' });
    const y = tf.tensor1d(Array.from(readFashionLabels('train-labels-idx1-ubyte.gz', 256)), 'float32');
    const x = tf.tensor4d(Float32Array.from(train.flatMap((img) => Array.from(img))), [256, 28, 28, 1]);
    await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
    tf.dispose([x, y]);

    await model.save(`file://${dir}`);
    const trainableParams = countModelParams(model).trainable;
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify(hashedMetadata(dir, { id: 'lenet5', trainableParams })));
    const images = readFashionImages('t10k-images-idx3-ubyte.gz', 12);
    writeFileSync(join(dir, 'images.raw'), Buffer.concat(images));
    const expected = predictProbabilities(model, images);

    const outFile = join(dir, 'out.json');
    const child = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(here, 'model-loader-fresh-context.script.ts'), dir, join(dir, 'images.raw'), outFile], { cwd: repo, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(readFileSync(outFile, 'utf8')) as { backend: string; nativeRegistered: boolean; id: string; layerClasses: string[]; probabilities: number[][]; top1: string[] };

    expect(out.backend).toBe('cpu');
    expect(out.nativeRegistered).toBe(false);
    expect(out.id).toBe('lenet5');
    expect(out.layerClasses).toEqual(expect.arrayContaining(['Standardize', 'ScaledTanh', 'TrainableSubsampling', 'PartialConv2D']));
    expect(out.probabilities).toHaveLength(12);
    out.probabilities.forEach((probs, i) => probs.forEach((p, c) => expect(p, `image ${i} class ${c}`).toBeCloseTo(expected[i]![c]!, 5)));
    expect(out.top1).toEqual(expected.map((p) => topK(p, 1)[0]!.label));
    model.dispose();
  });
});
