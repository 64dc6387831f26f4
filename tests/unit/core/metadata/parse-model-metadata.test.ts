import { describe, expect, it } from 'vitest';
import { parseModelMetadata } from '../../../../core/metadata/parse-model-metadata.js';
import { validMetadata } from './valid-metadata.js';

const WHERE = 'artifacts/models/lenet5/metadata.json';

/** The error message parseModelMetadata throws for `json` (fails the test if it does not throw). */
function problemsOf(json: unknown): string {
  try {
    parseModelMetadata(json, WHERE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the metadata to be rejected');
}

/** A valid metadata object (through JSON, as read from disk) with one edit applied. */
function edited(edit: (m: Record<string, any>) => void): unknown {
  const m = JSON.parse(JSON.stringify(validMetadata()));
  edit(m);
  return m;
}

describe('parseModelMetadata', () => {
  it('accepts valid metadata and returns it unchanged', () => {
    const json = JSON.parse(JSON.stringify(validMetadata()));
    expect(parseModelMetadata(json, WHERE)).toEqual(validMetadata());
    // The very object it was given, keys in their written order (metadata.json is written back as read).
    expect(parseModelMetadata(json, WHERE)).toBe(json);
  });

  it('accepts the optional fields being absent and a gitCommit of "unknown"', () => {
    const json = edited((m) => {
      delete m.training.notes;
      delete m.weights.variants;
      m.gitCommit = 'unknown';
    });
    expect(parseModelMetadata(json, WHERE).gitCommit).toBe('unknown');
  });

  it("accepts a model converted from Keras: its own id and a source instead of training (issue 23)", () => {
    const source = { format: 'keras', file: 'seed-cnn.keras', sha256: 'b'.repeat(64), kerasVersion: '2.15.0', input: 'seed' };
    const json = edited((m) => {
      delete m.training;
      m.id = 'keras-seed-cnn';
      m.source = source;
    });
    expect(parseModelMetadata(json, WHERE)).toMatchObject({ id: 'keras-seed-cnn', source });
  });

  it('names the file, says what to do, and lists every problem with its JSON path in one error', () => {
    const message = problemsOf(
      edited((m) => {
        m.metrics.testAccuracy = 1.5;
        m.classNames = [...m.classNames].reverse();
        m.metrics.confusionMatrix[2][3] = -1;
      }),
    );
    expect(message).toMatch(/^artifacts\/models\/lenet5\/metadata\.json is not valid model metadata: /);
    expect(message).toContain('metrics.testAccuracy must be a number between 0 and 1 (got 1.5)');
    expect(message).toContain('classNames must equal ["T-shirt/top","Trouser","Pullover","Dress","Coat","Sandal","Shirt","Sneaker","Bag","Ankle boot"]');
    expect(message).toContain('metrics.confusionMatrix[2][3] must be a non-negative integer (got -1)');
    expect(message).toContain('npm run pipeline');
  });

  const cases: [string, (m: Record<string, any>) => void, string][] = [
    ['not an object', () => {}, 'the top level must be a JSON object'],
    ['schema version', (m) => (m.schemaVersion = 2), 'schemaVersion must equal 1 (got 2)'],
    // Any id of the right shape is a model's (a converted model has its own, issue 23); the shape is checked.
    ['id with a slash', (m) => (m.id = 'shop/cnn'), 'id must be lower-case letters, digits and dashes (at most 40, not starting with a dash) (got "shop/cnn")'],
    ['no training and no source', (m) => delete m.training, 'exactly one of training (a model the pipeline trained) and source (a model converted from Keras) must be present'],
    ['training and source', (m) => (m.source = { format: 'h5', file: 'm.h5', sha256: 'a'.repeat(64), kerasVersion: '2.15.0', input: 'seed' }), 'exactly one of training (a model the pipeline trained) and source (a model converted from Keras) must be present'],
    ['source input', (m) => { delete m.training; m.source = { format: 'h5', file: 'm.h5', sha256: 'a'.repeat(64), kerasVersion: '2.15.0', input: 'gray' }; }, 'source.input must be one of "seed", "unit", "raw" (got "gray")'],
    ['empty display name', (m) => (m.displayName = ''), 'displayName must be a non-empty string'],
    ['missing field', (m) => delete m.metrics.testLoss, 'metrics.testLoss is missing'],
    ['unknown field', (m) => (m.metrics.f1 = 0.5), 'metrics.f1 is not a known field'],
    ['input shape', (m) => (m.input.shape = [32, 32, 1]), 'input.shape must equal [28,28,1]'],
    ['input range', (m) => (m.input.range = [0, 1]), 'input.range must equal [0,255]'],
    ['polarity', (m) => (m.input.polarity = 'dark-on-light'), 'input.polarity must be one of "light-on-dark"'],
    ['standardization', (m) => (m.input.standardization = 'none'), 'input.standardization must be one of "baked-in"'],
    ['trainable params', (m) => (m.trainableParams = 12.5), 'trainableParams must be a positive integer (got 12.5)'],
    ['negative loss', (m) => (m.metrics.testLoss = -0.1), 'metrics.testLoss must be a finite number >= 0'],
    ['NaN written as null', (m) => (m.metrics.validationAccuracy = null), 'metrics.validationAccuracy must be a number between 0 and 1 (got null)'],
    ['per-class length', (m) => m.metrics.perClassAccuracy.pop(), 'metrics.perClassAccuracy must be an array of 10 items (got 9 items)'],
    ['per-class value', (m) => (m.metrics.perClassAccuracy[4] = 2), 'metrics.perClassAccuracy[4] must be a number between 0 and 1 (got 2)'],
    ['confusion rows', (m) => m.metrics.confusionMatrix.pop(), 'metrics.confusionMatrix must be an array of 10 items (got 9 items)'],
    ['confusion columns', (m) => m.metrics.confusionMatrix[7].push(0), 'metrics.confusionMatrix[7] must be an array of 10 items (got 11 items)'],
    ['confusion fraction', (m) => (m.metrics.confusionMatrix[0][0] = 0.5), 'metrics.confusionMatrix[0][0] must be a non-negative integer (got 0.5)'],
    ['epochs', (m) => (m.training.epochs = 0), 'training.epochs must be a positive integer (got 0)'],
    ['batch size', (m) => (m.training.batchSize = '32'), 'training.batchSize must be a positive integer (got "32")'],
    ['optimizer name', (m) => delete m.training.optimizer.name, 'training.optimizer.name is missing'],
    ['optimizer setting', (m) => (m.training.optimizer.beta1 = [0.9]), 'training.optimizer.beta1 must be a number or a string'],
    ['notes', (m) => (m.training.notes = 3), 'training.notes must be a string (got 3)'],
    ['seed', (m) => (m.training.seed = 1.5), 'training.seed must be an integer (got 1.5)'],
    ['backend', (m) => (m.training.backend = ''), 'training.backend must be a non-empty string'],
    ['seconds', (m) => (m.training.seconds = -1), 'training.seconds must be a finite number >= 0 (got -1)'],
    ['history entry', (m) => (m.training.history[1].valAccuracy = 91), 'training.history[1].valAccuracy must be a number between 0 and 1 (got 91)'],
    ['history epoch', (m) => delete m.training.history[0].epoch, 'training.history[0].epoch is missing'],
    ['sha256', (m) => (m.training.datasetSha256['train-images-idx3-ubyte'] = 'ABC'), 'training.datasetSha256["train-images-idx3-ubyte"] must be a SHA-256 (64 lowercase hex digits) (got "ABC")'],
    ['weight dtype', (m) => (m.weights.dtype = 'int8'), 'weights.dtype must be one of "float32", "float16", "uint8" (got "int8")'],
    ['weights hash', (m) => (m.weights.sha256 = 'a22243c6'), 'weights.sha256 must be a SHA-256 (64 lowercase hex digits) (got "a22243c6")'],
    ['variant bytes', (m) => (m.weights.variants[0].weightBytes = 0), 'weights.variants[0].weightBytes must be a positive integer (got 0)'],
    ['created at', (m) => (m.createdAt = 'yesterday'), 'createdAt must be an ISO 8601 date-time'],
    ['impossible date', (m) => (m.createdAt = '2026-13-45T10:00:00Z'), 'createdAt must be a real date'],
    ['git commit', (m) => (m.gitCommit = 'main'), 'gitCommit must be a 40-hex-digit commit (optionally "-dirty") or "unknown" (got "main")'],
  ];
  it.each(cases)('rejects a bad %s', (_, edit, expected) => {
    const json = _ === 'not an object' ? [] : edited(edit);
    expect(problemsOf(json)).toContain(expected);
  });

  it('caps a long list of problems and counts the rest', () => {
    const message = problemsOf(edited((m) => (m.metrics.confusionMatrix = m.metrics.confusionMatrix.map((row: number[]) => row.map(() => -1)))));
    expect(message).toContain('; and 88 more problems.');
  });
});

describe('parseModelMetadata: the shop recipe fields', () => {
  const shop = (m: Record<string, any>) => {
    m.training.recipe = 'shop';
    m.training.augmentation = { mirrorProbability: 0.5, scaleMin: 0.75 };
    m.prediction = { mirrorAverage: true, why: 'chosen on validation' };
    m.metrics.robustness = [{ change: 'none', description: 'as they are', accuracy: 0.9, mirrorAveragedAccuracy: 0.91 }];
    m.metrics.shopPhotos = {
      overall: { count: 36, top1: 0.5, top3: 0.7 },
      mirrorAveraged: { count: 36, top1: 0.6, top3: 0.8 },
      perClass: [{ classIndex: 0, count: 10, top1: 0.9, top3: 1 }],
    };
  };

  it('accepts recipe, augmentation, prediction mode, robustness and shop photos', () => {
    const json = edited(shop);
    expect(parseModelMetadata(json, WHERE)).toEqual(json);
  });

  it.each([
    [(m: Record<string, any>) => (m.training.recipe = 'fancy'), /training.recipe must be one of "seed", "shop" \(got "fancy"\)/],
    [(m: Record<string, any>) => (m.prediction.mirrorAverage = 'yes'), /prediction.mirrorAverage must be true or false/],
    [(m: Record<string, any>) => (m.metrics.robustness[0].accuracy = 1.5), /metrics.robustness\[0\].accuracy must be a number between 0 and 1/],
    [(m: Record<string, any>) => delete m.metrics.robustness[0].mirrorAveragedAccuracy, /metrics.robustness\[0\].mirrorAveragedAccuracy is missing/],
    [(m: Record<string, any>) => (m.metrics.shopPhotos.perClass[0].classIndex = 12), /metrics.shopPhotos.perClass\[0\].classIndex must be/],
    [(m: Record<string, any>) => (m.metrics.shopPhotos.overall.top3 = -1), /metrics.shopPhotos.overall.top3 must be/],
    [(m: Record<string, any>) => (m.training.augmentation.mirror = [1]), /training.augmentation.mirror must be a number, a string or a boolean/],
  ])('refuses a bad shop field, naming it (%#)', (edit, message) => {
    expect(problemsOf(edited((m) => (shop(m), edit(m))))).toMatch(message);
  });
});
