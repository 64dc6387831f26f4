import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../core/model-contract';
import { catalogFile, collectModelFiles, collectPackagedModels, collectWasmFiles, MODELS_DIR_ENV, resolveModelsDir } from '../../../../extension/modules/package-models/collect-model-files';

// The build hook only checks files and lists them; loading real exported models through it is
// what the e2e suite does (its global setup builds with the pipeline's own export).

let root: string;
let modelsDir: string;

/** SHA-256 of the shards' contents joined, as writeModel writes them ('x' each). */
const shardsHash = (count: number) => createHash('sha256').update('x'.repeat(count)).digest('hex');

function metadata(id: string, shardCount = 2) {
  return {
    schemaVersion: 1,
    id,
    displayName: id,
    classNames: [...CLASS_NAMES],
    input: { shape: [28, 28, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' },
    trainableParams: 1000,
    metrics: { testAccuracy: 0.9, testLoss: 0.3, validationAccuracy: 0.9, perClassAccuracy: Array(10).fill(0.9), confusionMatrix: Array.from({ length: 10 }, () => Array(10).fill(1)),
      robustness: [{ change: 'none', description: 'the test images as they are', accuracy: 0.9, mirrorAveragedAccuracy: 0.9 }],
      shopPhotos: { overall: { count: 36, top1: 0.5, top3: 0.7 }, mirrorAveraged: { count: 36, top1: 0.5, top3: 0.7 }, perClass: [] },
    },
    training: { epochs: 1, batchSize: 32, optimizer: { name: 'Nadam' }, loss: 'cross-entropy', recipe: 'shop', seed: 42, backend: 'tensorflow', tensorflowVersion: '2.15.1', seconds: 1, samplesPerSecond: 1, history: [], datasetSha256: {} },
    prediction: { mirrorAverage: false, why: 'test' },
    weights: { dtype: 'float32', sha256: shardsHash(shardCount) },
    createdAt: '2026-01-31T12:00:00.000Z',
    gitCommit: 'unknown',
  };
}

function writeModel(id: string, shards = ['group1-shard1of2.bin', 'group1-shard2of2.bin']) {
  const dir = join(modelsDir, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: [{ paths: shards, weights: [] }] }));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify(metadata(id, shards.length)));
  for (const shard of shards) writeFileSync(join(dir, shard), 'x');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fashion-lens-build-'));
  modelsDir = join(root, 'artifacts', 'models');
  writeModel('cnn');
  writeModel('lenet5', ['weights.bin']);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('resolveModelsDir', () => {
  it('packages artifacts/models unless FASHION_LENS_MODELS_DIR names another folder', () => {
    expect(resolveModelsDir('/repo', {})).toBe('/repo/artifacts/models');
    expect(resolveModelsDir('/repo', { [MODELS_DIR_ENV]: '/tmp/quick/models' })).toBe('/tmp/quick/models');
    expect(resolveModelsDir('/repo', { [MODELS_DIR_ENV]: 'out/models' })).toBe('/repo/out/models');
  });
});

describe('collectModelFiles', () => {
  it('lists model.json, metadata.json and every weight shard of both models', () => {
    const files = collectModelFiles(modelsDir, root).map((f) => f.relativeDest);
    expect(files).toEqual([
      'models/cnn/model.json',
      'models/cnn/metadata.json',
      'models/cnn/group1-shard1of2.bin',
      'models/cnn/group1-shard2of2.bin',
      'models/lenet5/model.json',
      'models/lenet5/metadata.json',
      'models/lenet5/weights.bin',
    ]);
  });

  it('packages every valid folder, converted models too, and lists them for the popup: trained ones first, each with its size and test accuracy (issue 23)', () => {
    writeModel('keras-seed-cnn', ['weights.bin']);
    mkdirSync(join(modelsDir, '.half-written.tmp-12'));
    const { files, catalog } = collectPackagedModels(modelsDir, root);
    expect(files.filter((f) => f.relativeDest.startsWith('models/keras-seed-cnn/')).map((f) => f.relativeDest)).toEqual([
      'models/keras-seed-cnn/model.json',
      'models/keras-seed-cnn/metadata.json',
      'models/keras-seed-cnn/weights.bin',
    ]);
    expect(catalog).toEqual([
      { id: 'cnn', displayName: 'cnn', weightBytes: 2, testAccuracy: 0.9 },
      { id: 'lenet5', displayName: 'lenet5', weightBytes: 1, testAccuracy: 0.9 },
      { id: 'keras-seed-cnn', displayName: 'keras-seed-cnn', weightBytes: 1, testAccuracy: 0.9 },
    ]);
    expect(catalogFile(catalog)).toEqual({ relativeDest: 'models/index.json', contents: JSON.stringify(catalog) });
  });

  it('names an invalid folder and its problem', () => {
    mkdirSync(join(modelsDir, 'My Model'));
    expect(() => collectModelFiles(modelsDir, root)).toThrow(
      'Fashion Lens build: the folder artifacts/models/My Model is not named like a model id (lower-case letters, digits and dashes, at most 40), so it cannot ship. Rename it to its metadata\'s id, or remove it, then build again.',
    );
    rmSync(join(modelsDir, 'My Model'), { recursive: true });
    mkdirSync(join(modelsDir, 'keras-cnn'));
    expect(() => collectModelFiles(modelsDir, root)).toThrow(
      'Fashion Lens build: the keras-cnn model artifacts/models/keras-cnn/model.json is missing. Run `npm run pipeline` (or `npm run convert -- <model> --ship`) to export it again, or remove the folder, then build again.',
    );
    rmSync(join(modelsDir, 'keras-cnn'), { recursive: true });
    rmSync(join(modelsDir, 'cnn'), { recursive: true });
    rmSync(join(modelsDir, 'lenet5'), { recursive: true });
    expect(() => collectModelFiles(modelsDir, root)).toThrow('Fashion Lens build: the models folder artifacts/models holds no model folder.');
  });

  it('names a missing models folder and how to make it', () => {
    expect(() => collectModelFiles(join(root, 'nowhere'), root)).toThrow(/the models folder nowhere does not exist\. Run `npm run pipeline`/);
  });

  it('names a missing model or metadata file', () => {
    rmSync(join(modelsDir, 'lenet5', 'model.json'));
    expect(() => collectModelFiles(modelsDir, root)).toThrow('the lenet5 model artifacts/models/lenet5/model.json is missing');
    writeModel('lenet5');
    rmSync(join(modelsDir, 'cnn', 'metadata.json'));
    expect(() => collectModelFiles(modelsDir, root)).toThrow('the cnn metadata artifacts/models/cnn/metadata.json is missing');
  });

  it('names a missing weight shard', () => {
    rmSync(join(modelsDir, 'cnn', 'group1-shard2of2.bin'));
    expect(() => collectModelFiles(modelsDir, root)).toThrow('needs the weight file group1-shard2of2.bin');
  });

  it('refuses metadata that fails core’s schema, with the schema’s own sentence', () => {
    writeFileSync(join(modelsDir, 'cnn', 'metadata.json'), JSON.stringify({ ...metadata('cnn'), metrics: { ...metadata('cnn').metrics, testAccuracy: 1.5 } }));
    expect(() => collectModelFiles(modelsDir, root)).toThrow(/artifacts\/models\/cnn\/metadata\.json is not valid model metadata: metrics\.testAccuracy/);
  });

  it('refuses metadata that is not JSON or describes the other model', () => {
    writeFileSync(join(modelsDir, 'cnn', 'metadata.json'), '{ not json');
    expect(() => collectModelFiles(modelsDir, root)).toThrow(/metadata .*cnn\/metadata\.json is not valid JSON/);
    writeFileSync(join(modelsDir, 'cnn', 'metadata.json'), JSON.stringify(metadata('lenet5')));
    expect(() => collectModelFiles(modelsDir, root)).toThrow('says it describes "lenet5" but sits in the cnn/ folder');
  });

  it('refuses a weight file that does not match the SHA-256 its metadata records, naming the file (issue 12, item 8)', () => {
    writeFileSync(join(modelsDir, 'lenet5', 'weights.bin'), 'y');
    expect(() => collectModelFiles(modelsDir, root)).toThrow(
      new RegExp(`^Fashion Lens build: the weight file artifacts/models/lenet5/weights\\.bin does not match the SHA-256 that artifacts/models/lenet5/metadata\\.json records \\(${shardsHash(1).slice(0, 12)}…, the file hashes to [0-9a-f]{12}…\\): it is damaged or comes from another export\\.`),
    );
  });

  it('refuses metadata that records no SHA-256 of the weights (the schema requires it)', () => {
    const path = join(modelsDir, 'cnn', 'metadata.json');
    const unhashed = JSON.parse(readFileSync(path, 'utf8'));
    delete unhashed.weights.sha256;
    writeFileSync(path, JSON.stringify(unhashed));
    expect(() => collectModelFiles(modelsDir, root)).toThrow(
      /^artifacts\/models\/cnn\/metadata\.json is not valid model metadata: weights\.sha256 is missing\. Re-export the model with `npm run pipeline`/,
    );
  });

  it('refuses a model.json without weights', () => {
    writeFileSync(join(modelsDir, 'lenet5', 'model.json'), JSON.stringify({ modelTopology: {} }));
    expect(() => collectModelFiles(modelsDir, root)).toThrow('has no weightsManifest');
  });
});

describe('collectWasmFiles', () => {
  it('ships the plain and SIMD tfjs WASM binaries from node_modules', () => {
    const files = collectWasmFiles(process.cwd());
    expect(files.map((f) => f.relativeDest)).toEqual(['wasm/tfjs-backend-wasm.wasm', 'wasm/tfjs-backend-wasm-simd.wasm']);
  });

  it('says to reinstall when they are missing', () => {
    expect(() => collectWasmFiles(root)).toThrow(/is missing; run `npm install`/);
  });
});
