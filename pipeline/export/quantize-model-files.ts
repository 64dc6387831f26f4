import type { io } from '@tensorflow/tfjs';
import { concatBytes } from '../../core/concat-bytes.js';
import type { WeightDtype } from '../../core/types.js';
import { WEIGHTS_FILE } from '../../core/model-folder.js';
import type { LayersModelFiles } from '../models/model-to-files.js';
import { quantizeAffine } from './quantize-affine.js';
import { quantizeFloat16 } from './quantize-float16.js';

/**
 * Layer classes whose weights stay float32 in every variant. Standardize holds the training set's
 * per-pixel mean and std: its output is (x - mean) / std for every input pixel, so quantizing std
 * would scale every input by a slightly wrong factor (uint8 over std's range shifts each by up
 * to ~1%, and rounds small stds badly), and the two weights are only 6 KB together.
 */
export const FLOAT32_LAYER_CLASSES: readonly string[] = ['Standardize'];

type WeightSpec = io.WeightsManifestEntry;

/** Names of the layers of `modelJson` whose class is in FLOAT32_LAYER_CLASSES. */
function float32Layers(modelJson: io.ModelJSON): Set<string> {
  const topology = modelJson.modelTopology as { config?: { layers?: { class_name?: string; config?: { name?: string } }[] } } | undefined;
  const layers = topology?.config?.layers ?? [];
  return new Set(layers.filter((l) => FLOAT32_LAYER_CLASSES.includes(l.class_name ?? '')).map((l) => l.config?.name ?? ''));
}

/** True when the weight belongs to a layer that must stay float32 (weights are named "<layer>/<weight>"). */
function staysFloat32(name: string, keep: Set<string>): boolean {
  const slash = name.indexOf('/');
  return slash > 0 && keep.has(name.slice(0, slash));
}

const sizeOf = (spec: WeightSpec) => spec.shape.reduce((a, b) => a * b, 1);

/**
 * The same model with its weights stored as `dtype`: 'float32' copies them; 'float16' converts
 * each to IEEE half ({dtype: 'float16'} in the manifest); 'uint8' stores each weight tensor as
 * affine uint8 codes with its own {min, scale}, 0 exact (see affineRange). Weights of
 * FLOAT32_LAYER_CLASSES layers stay float32. tf.js decodes all of these when it loads the model
 * (tfjs-core io decodeWeights), so the result loads with loadLayersModel like any export.
 * The input must be a plain float32 export (what tfjs-node's save writes); a quantized one is
 * refused, since quantizing twice would compound the error.
 */
export function quantizeModelFiles(files: LayersModelFiles, dtype: WeightDtype): LayersModelFiles {
  const keep = float32Layers(files.modelJson);
  const specs = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const parts: Uint8Array[] = [];
  const outSpecs: WeightSpec[] = [];
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32' || spec.quantization) {
      const stored = spec.quantization ? `quantized as ${spec.quantization.dtype}` : spec.dtype;
      throw new Error(`Weight ${spec.name} is stored ${stored}; the quantizer takes a float32 export (model.json + weights as tfjs-node saves them). Quantize from the float32 export.`);
    }
    const bytes = sizeOf(spec) * 4;
    if (offset + bytes > files.weightData.length) throw new Error(`The weight data ends before weight ${spec.name} (needs ${offset + bytes} bytes, has ${files.weightData.length}); the export is truncated: export the model again.`);
    const raw = files.weightData.slice(offset, offset + bytes);
    offset += bytes;
    const values = new Float32Array(raw.buffer, raw.byteOffset, sizeOf(spec));
    const { name, shape } = spec;
    if (dtype === 'float32' || staysFloat32(spec.name, keep)) {
      parts.push(raw);
      outSpecs.push({ name, shape, dtype: 'float32' });
    } else if (dtype === 'float16') {
      const half = quantizeFloat16(values);
      parts.push(new Uint8Array(half.buffer));
      outSpecs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'float16' } });
    } else {
      const q = quantizeAffine(values);
      parts.push(q.codes);
      outSpecs.push({ name, shape, dtype: 'float32', quantization: { dtype: 'uint8', min: q.min, scale: q.scale } });
    }
  }
  if (offset !== files.weightData.length) throw new Error(`The weight data holds ${files.weightData.length} bytes but the manifest describes ${offset}; model.json and its weights come from different exports: export the model again.`);
  return { modelJson: { ...files.modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights: outSpecs }] }, weightData: concatBytes(parts) };
}
