import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConvert } from '../../../../pipeline/run-convert.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { sha256Hex } from '../../../../pipeline/shared/sha256-hex.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { loadModelFiles, readModelFolder } from '../../../../pipeline/export/model-folder-io.js';
import { predictAll } from '../../../../pipeline/shared/predict-all.js';
import { fixtureBytes, fixturePath, kerasOutputs } from './keras-fixtures.js';

// Issue 23, item 1: the converted model is written as one model folder exactly like the
// pipeline's (core's schema, the weight hash, quantization with --ship, the checks), replacing an
// existing one only with --force.

const scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The first 300 validation and test images only, so measuring and the checks take seconds. */
const loadSmallData = async (): Promise<FashionMnist> => {
  const all = await loadFashionMnist({});
  return { ...all, validation: takeFirst(all.validation, 300), test: takeFirst(all.test, 300) };
};

describe('runConvert', () => {
  it('--ship --force writes models/<id>/ like a pipeline export: schema-valid metadata with the source, quantized weights, the checks; the model predicts as Keras', async () => {
    const out = join(scratch, 'artifacts');
    mkdirSync(join(out, 'models', 'lenet5-keras'), { recursive: true });
    writeFileSync(join(out, 'models', 'lenet5-keras', 'old.txt'), 'replaced');
    const log: string[] = [];
    const dir = await runConvert(
      { file: fixturePath('lenet5-unit.keras'), id: 'lenet5-keras', displayName: 'LeNet-5 from Keras', input: 'unit', ship: true, force: true, outDir: out, help: false, verbose: false },
      { loadData: loadSmallData, log: (line) => log.push(line) },
    );
    expect(dir).toBe(join(out, 'models', 'lenet5-keras'));
    expect(readdirSync(dir).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const folder = readModelFolder(dir);
    const { metadata } = folder;
    expect(metadata).toMatchObject({ id: 'lenet5-keras', displayName: 'LeNet-5 from Keras', source: { format: 'keras', file: 'lenet5-unit.keras', sha256: sha256Hex(fixtureBytes('lenet5-unit.keras')), kerasVersion: '2.15.0', input: 'unit' } });
    expect(metadata.training).toBeUndefined();
    expect(metadata.weights.variants?.map((v) => v.dtype)).toEqual(['float32', 'float16', 'uint8']);
    expect(metadata.metrics.robustness?.[0]?.change).toBe('none');
    expect(metadata.metrics.shopPhotos?.overall.count).toBe(36);
    expect(metadata.prediction?.why).toMatch(/^Chosen on the 300 validation images/);
    expect(log.join('\n')).toMatch(/lenet5-unit\.keras: a Sequential model of 8 layers, \.keras zip written by Keras 2\.15\.0\./);
    // Loaded back through core's loader (schema, contract, weight hash), as the extension loads it.
    const model = await loadModelFiles(folder.files, folder.metadata, dir);
    try {
      const data = await loadSmallData();
      const keras = kerasOutputs('lenet5-unit');
      const ours = predictAll(model, data.test.images, keras.testImages);
      const top1 = (row: ArrayLike<number>) => Array.from(row).indexOf(Math.max(...Array.from(row)));
      const agree = keras.outputs.filter((row, i) => top1(row) === top1(ours.subarray(i * 10, i * 10 + 10))).length;
      // The shipped weights are quantized (uint8 here): the top-1 may differ on an image or two.
      expect(agree).toBeGreaterThanOrEqual(97);
    } finally {
      model.dispose();
    }
  }, 300_000);
});

describe('npm run convert (the CLI)', () => {
  const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/convert.ts', ...argv], { encoding: 'utf8', timeout: 120_000 });

  it('prints a refusal as its sentence alone and exits 1; bad flags exit 2 with the usage', () => {
    const notes = join(scratch, 'notes.h5');
    writeFileSync(notes, 'not a model');
    const refused = run(notes, '--out', join(scratch, 'cli-out'));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n').pop()).toBe('notes.h5 is not a Keras model file: it is neither a .keras zip archive nor an HDF5 .h5 file. Save the model with Keras\' model.save("model.keras") (or "model.h5") and convert that file.');
    const taken = run(fixturePath('bn-raw.h5'), '--id', 'cnn');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('--id cnn is the id of a model the pipeline trains (cnn, lenet5); give the converted model its own id, e.g. --id keras-cnn.');
    expect(taken.stderr).toContain('Usage: npm run convert -- <model.keras | model.h5> [options]');
  }, 240_000);
});
