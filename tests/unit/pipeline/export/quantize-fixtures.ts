import type { io } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-node';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelId } from '../../../../core/types.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../../../../pipeline/data/standardization.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { evaluateModel } from '../../../../pipeline/eval/evaluate-model.js';
import type { QuantizeSource } from '../../../../pipeline/eval/quantize-and-choose.js';
import { countModelParams } from '../../../../pipeline/models/model-summary.js';
import { modelToFiles } from '../../../../pipeline/models/model-to-files.js';
import { registerNativeReluGradient } from '../../../../pipeline/train/native-relu-gradient.js';
import { trainModel } from '../../../../pipeline/train/train-model.js';
import { SHOP_PLANS } from '../../../../pipeline/train/training-plans.js';

/**
 * Trains both models the way `npm run pipeline -- --quick` does (500 images, 1 epoch, real data)
 * into a fresh temporary folder and returns it. The export is real: tfjs-node's float32 save,
 * metadata checked by core's schema, weights as the pipeline ships them (quantized when that is
 * within tolerance).
 */
export function quickExport(prefix: string): string {
  const out = mkdtempSync(join(tmpdir(), prefix));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/pipeline.ts', '--quick', '--no-report', '--out', out, '--checkpoint-dir', join(out, 'ckpt')], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  if (run.status !== 0) throw new Error(`The quick pipeline run for the quantization tests failed (exit ${run.status}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  return out;
}

/**
 * The shop plan of model `id` trained the way `--quick` trains it (the first 500 training images,
 * one epoch, seed 42; test figures on the first `testCount` test images), in memory, as the
 * pipeline hands it to quantization: tfjs-node's float32 files, the contract, the prediction mode
 * and the test accuracy its evaluation measured.
 */
export async function quickFloat32(id: ModelId, testCount = 100): Promise<QuantizeSource> {
  registerNativeReluGradient();
  const full = await loadFashionMnist();
  const data = { ...full, train: takeFirst(full.train, 500), validation: takeFirst(full.validation, 100), test: takeFirst(full.test, testCount) };
  const checkpointDir = mkdtempSync(join(tmpdir(), 'fashion-lens-quick-float32-'));
  try {
    const plan = SHOP_PLANS[id];
    const options = { epochs: 1, batchSize: 32, seed: 42, checkpointDir, resume: false, shouldStop: () => false, log: () => {} };
    const trained = await trainModel(plan, data, computeStandardization(data.train), options);
    if (trained === 'stopped') throw new Error('quickFloat32 was stopped, but nothing asked it to stop.');
    const evaluation = evaluateModel(trained.model, data, plan.fixedPrediction, () => {});
    const contract = { id: plan.id, displayName: plan.displayName, trainableParams: countModelParams(trained.model).trainable, weights: {} };
    const files = await modelToFiles(trained.model);
    trained.model.dispose();
    return { files, contract, options: evaluation.prediction, testAccuracy: evaluation.test.accuracy };
  } finally {
    rmSync(checkpointDir, { recursive: true, force: true });
  }
}

/** Decodes `bytes` as tf.js does when it loads a model (tfjs-core io.decodeWeights), one Float32Array per weight. */
export function decodeAsTfjs(bytes: Uint8Array, specs: io.WeightsManifestEntry[]): Record<string, Float32Array> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const tensors = tf.io.decodeWeights(buffer, specs);
  const out = Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, t.dataSync() as Float32Array]));
  tf.dispose(Object.values(tensors));
  return out;
}

/** Deterministic pseudo-random floats in [lo, hi) (mulberry32), so failures reproduce. */
export function seededFloats(count: number, lo: number, hi: number, seed: number): Float32Array {
  let a = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return lo + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * (hi - lo);
  });
}
