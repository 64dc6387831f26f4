import { CLASS_NAMES, IMAGE_SIZE, NUM_CLASSES } from '../model-contract.js';
import { KERAS_FORMATS, KERAS_INPUTS, MODEL_ID_PATTERN, RECIPES, TRAINING_LOSSES, type ModelMetadata, type WeightDtype } from '../types.js';
import { Problems, checkArray, checkEquals, checkInteger, checkNumber, checkObject, checkOneOf, checkString, child, isRecord } from './json-checks.js';
import { ModelContractError } from '../model-contract-error.js';

/** Every WeightDtype, as a record so the compiler notices when the type gains a member. */
const WEIGHT_DTYPES = Object.keys({ float32: true, float16: true, uint8: true } satisfies Record<WeightDtype, true>);
/** Problems listed in one error; the rest are counted (a wrong 10x10 matrix would be 100 lines). */
const MAX_LISTED = 12;
/** ISO 8601 date-time with a zone, as Date.prototype.toISOString writes it (offsets also accepted). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A full commit hash, optionally marked dirty, or 'unknown' outside a git checkout. */
const GIT_COMMIT = /^([0-9a-f]{40}(-dirty)?|unknown)$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Validates a parsed metadata.json against ModelMetadata, field by field, and returns it typed.
 * Throws one Error naming the file (`where`) and every problem with its JSON path, e.g.
 * "artifacts/models/cnn/metadata.json is not valid model metadata: metrics.testAccuracy must be a
 * number between 0 and 1 (got 1.5); classNames must equal [...]". The pipeline runs it before
 * writing and the extension before loading, so both sides agree on one schema.
 */
export function parseModelMetadata(json: unknown, where: string): ModelMetadata {
  const problems = new Problems();
  const root = checkObject(json, '', problems, ['schemaVersion', 'id', 'displayName', 'classNames', 'input', 'trainableParams', 'metrics', 'weights', 'createdAt', 'gitCommit'], ['training', 'source', 'prediction']);
  if (root) {
    checkEquals(root.schemaVersion, 'schemaVersion', problems, 1);
    checkString(root.id, 'id', problems, MODEL_ID_PATTERN, 'lower-case letters, digits and dashes (at most 40, not starting with a dash)');
    // A model was either trained by the pipeline or converted from a Keras file: exactly one of the two says how it was made.
    if ((root.training === undefined) === (root.source === undefined)) problems.add('exactly one of training (a model the pipeline trained) and source (a model converted from Keras) must be present');
    checkString(root.displayName, 'displayName', problems);
    checkEquals(root.classNames, 'classNames', problems, CLASS_NAMES);
    checkInput(root.input, problems);
    checkInteger(root.trainableParams, 'trainableParams', problems, 1);
    checkMetrics(root.metrics, problems);
    checkTraining(root.training, problems);
    checkSource(root.source, problems);
    checkWeights(root.weights, problems);
    checkPrediction(root.prediction, problems);
    if (checkString(root.createdAt, 'createdAt', problems, ISO_DATE_TIME, 'an ISO 8601 date-time such as "2026-01-31T12:00:00.000Z"') && Number.isNaN(Date.parse(root.createdAt))) {
      problems.mustBe('createdAt', 'a real date', root.createdAt);
    }
    checkString(root.gitCommit, 'gitCommit', problems, GIT_COMMIT, 'a 40-hex-digit commit (optionally "-dirty") or "unknown"');
  }
  if (problems.list.length > 0) {
    const listed = problems.list.slice(0, MAX_LISTED).join('; ');
    const more = problems.list.length > MAX_LISTED ? `; and ${problems.list.length - MAX_LISTED} more problems` : '';
    throw new ModelContractError(`${where} is not valid model metadata: ${listed}${more}. Re-export the model with \`npm run pipeline\` (and rebuild the extension with \`npm run build\`).`);
  }
  return json as ModelMetadata;
}

function checkInput(value: unknown, problems: Problems): void {
  const input = checkObject(value, 'input', problems, ['shape', 'range', 'polarity', 'standardization']);
  if (!input) return;
  checkEquals(input.shape, 'input.shape', problems, [IMAGE_SIZE, IMAGE_SIZE, 1]);
  checkEquals(input.range, 'input.range', problems, [0, 255]);
  checkOneOf(input.polarity, 'input.polarity', problems, ['light-on-dark']);
  checkOneOf(input.standardization, 'input.standardization', problems, ['baked-in']);
}

function checkMetrics(value: unknown, problems: Problems): void {
  const metrics = checkObject(value, 'metrics', problems, ['testAccuracy', 'testLoss', 'validationAccuracy', 'perClassAccuracy', 'confusionMatrix'], ['robustness', 'shopPhotos']);
  if (!metrics) return;
  checkArray(metrics.robustness, 'metrics.robustness', problems)?.forEach((entry, i) => {
    const path = child('metrics.robustness', i);
    const e = checkObject(entry, path, problems, ['change', 'description', 'accuracy', 'mirrorAveragedAccuracy']);
    if (!e) return;
    checkString(e.change, `${path}.change`, problems);
    checkString(e.description, `${path}.description`, problems);
    checkNumber(e.accuracy, `${path}.accuracy`, problems, 0, 1);
    checkNumber(e.mirrorAveragedAccuracy, `${path}.mirrorAveragedAccuracy`, problems, 0, 1);
  });
  const photos = checkObject(metrics.shopPhotos, 'metrics.shopPhotos', problems, ['overall', 'mirrorAveraged', 'perClass']);
  if (photos) {
    checkTopAccuracy(photos.overall, 'metrics.shopPhotos.overall', problems);
    checkTopAccuracy(photos.mirrorAveraged, 'metrics.shopPhotos.mirrorAveraged', problems);
    checkArray(photos.perClass, 'metrics.shopPhotos.perClass', problems)?.forEach((entry, i) => {
      const path = child('metrics.shopPhotos.perClass', i);
      if (checkTopAccuracy(entry, path, problems, ['classIndex'])) checkNumber((entry as Record<string, unknown>).classIndex, `${path}.classIndex`, problems, 0, NUM_CLASSES - 1);
    });
  }
  checkNumber(metrics.testAccuracy, 'metrics.testAccuracy', problems, 0, 1);
  checkNumber(metrics.testLoss, 'metrics.testLoss', problems, 0);
  checkNumber(metrics.validationAccuracy, 'metrics.validationAccuracy', problems, 0, 1);
  checkArray(metrics.perClassAccuracy, 'metrics.perClassAccuracy', problems, NUM_CLASSES)?.forEach((a, i) => checkNumber(a, child('metrics.perClassAccuracy', i), problems, 0, 1));
  checkArray(metrics.confusionMatrix, 'metrics.confusionMatrix', problems, NUM_CLASSES)?.forEach((row, i) => {
    const rowPath = child('metrics.confusionMatrix', i);
    checkArray(row, rowPath, problems, NUM_CLASSES)?.forEach((count, j) => checkInteger(count, child(rowPath, j), problems, 0));
  });
}

function checkTraining(value: unknown, problems: Problems): void {
  const required = ['epochs', 'batchSize', 'optimizer', 'seed', 'backend', 'tensorflowVersion', 'seconds', 'samplesPerSecond', 'history', 'datasetSha256'];
  const training = checkObject(value, 'training', problems, required, ['notes', 'loss', 'recipe', 'augmentation']);
  if (!training) return;
  if (training.recipe !== undefined) checkOneOf(training.recipe, 'training.recipe', problems, RECIPES);
  if (training.augmentation !== undefined) {
    if (!isRecord(training.augmentation)) problems.mustBe('training.augmentation', 'an object of settings', training.augmentation);
    else {
      for (const [key, setting] of Object.entries(training.augmentation)) {
        const ok = typeof setting === 'string' || typeof setting === 'boolean' || (typeof setting === 'number' && Number.isFinite(setting));
        if (!ok) problems.mustBe(child('training.augmentation', key), 'a number, a string or a boolean', setting);
      }
    }
  }
  if (training.loss !== undefined) checkOneOf(training.loss, 'training.loss', problems, TRAINING_LOSSES);
  checkInteger(training.epochs, 'training.epochs', problems, 1);
  checkInteger(training.batchSize, 'training.batchSize', problems, 1);
  const optimizer = training.optimizer;
  if (!isRecord(optimizer)) {
    if (optimizer !== undefined) problems.mustBe('training.optimizer', 'an object with a name', optimizer);
  } else {
    if (optimizer.name === undefined) problems.add('training.optimizer.name is missing');
    checkString(optimizer.name, 'training.optimizer.name', problems);
    for (const [key, setting] of Object.entries(optimizer)) {
      const ok = typeof setting === 'string' || (typeof setting === 'number' && Number.isFinite(setting));
      if (!ok) problems.mustBe(child('training.optimizer', key), 'a number or a string', setting);
    }
  }
  if (training.notes !== undefined && typeof training.notes !== 'string') problems.mustBe('training.notes', 'a string', training.notes);
  if (typeof training.seed !== 'number' || !Number.isInteger(training.seed)) {
    if (training.seed !== undefined) problems.mustBe('training.seed', 'an integer', training.seed);
  }
  checkString(training.backend, 'training.backend', problems);
  if (typeof training.tensorflowVersion !== 'string' && training.tensorflowVersion !== undefined) problems.mustBe('training.tensorflowVersion', 'a string', training.tensorflowVersion);
  checkNumber(training.seconds, 'training.seconds', problems, 0);
  checkNumber(training.samplesPerSecond, 'training.samplesPerSecond', problems, 0);
  checkArray(training.history, 'training.history', problems)?.forEach((entry, i) => {
    const path = child('training.history', i);
    const e = checkObject(entry, path, problems, ['epoch', 'loss', 'accuracy', 'valLoss', 'valAccuracy', 'seconds']);
    if (!e) return;
    checkInteger(e.epoch, `${path}.epoch`, problems, 1);
    checkNumber(e.loss, `${path}.loss`, problems, 0);
    checkNumber(e.accuracy, `${path}.accuracy`, problems, 0, 1);
    checkNumber(e.valLoss, `${path}.valLoss`, problems, 0);
    checkNumber(e.valAccuracy, `${path}.valAccuracy`, problems, 0, 1);
    checkNumber(e.seconds, `${path}.seconds`, problems, 0);
  });
  const sha = training.datasetSha256;
  if (!isRecord(sha)) {
    if (sha !== undefined) problems.mustBe('training.datasetSha256', 'an object of file name to SHA-256', sha);
  } else {
    for (const [file, hash] of Object.entries(sha)) checkString(hash, child('training.datasetSha256', file), problems, SHA256, 'a SHA-256 (64 lowercase hex digits)');
  }
}

function checkSource(value: unknown, problems: Problems): void {
  const source = checkObject(value, 'source', problems, ['format', 'file', 'sha256', 'kerasVersion', 'input']);
  if (!source) return;
  checkOneOf(source.format, 'source.format', problems, KERAS_FORMATS);
  checkString(source.file, 'source.file', problems);
  checkString(source.sha256, 'source.sha256', problems, SHA256, 'a SHA-256 (64 lowercase hex digits)');
  checkString(source.kerasVersion, 'source.kerasVersion', problems);
  checkOneOf(source.input, 'source.input', problems, KERAS_INPUTS);
}

function checkWeights(value: unknown, problems: Problems): void {
  const weights = checkObject(value, 'weights', problems, ['dtype'], ['variants', 'sha256']);
  if (!weights) return;
  checkOneOf(weights.dtype, 'weights.dtype', problems, WEIGHT_DTYPES);
  checkString(weights.sha256, 'weights.sha256', problems, SHA256, 'a SHA-256 (64 lowercase hex digits)');
  checkArray(weights.variants, 'weights.variants', problems)?.forEach((variant, i) => {
    const path = child('weights.variants', i);
    const v = checkObject(variant, path, problems, ['dtype', 'weightBytes', 'testAccuracy']);
    if (!v) return;
    checkOneOf(v.dtype, `${path}.dtype`, problems, WEIGHT_DTYPES);
    checkInteger(v.weightBytes, `${path}.weightBytes`, problems, 1);
    checkNumber(v.testAccuracy, `${path}.testAccuracy`, problems, 0, 1);
  });
}

function checkTopAccuracy(value: unknown, path: string, problems: Problems, extra: readonly string[] = []): boolean {
  const a = checkObject(value, path, problems, ['count', 'top1', 'top3', ...extra]);
  if (!a) return false;
  checkInteger(a.count, `${path}.count`, problems, 0);
  checkNumber(a.top1, `${path}.top1`, problems, 0, 1);
  checkNumber(a.top3, `${path}.top3`, problems, 0, 1);
  return true;
}

function checkPrediction(value: unknown, problems: Problems): void {
  const prediction = checkObject(value, 'prediction', problems, ['mirrorAverage'], ['why']);
  if (!prediction) return;
  if (typeof prediction.mirrorAverage !== 'boolean') problems.mustBe('prediction.mirrorAverage', 'true or false', prediction.mirrorAverage);
  if (prediction.why !== undefined) checkString(prediction.why, 'prediction.why', problems);
}
