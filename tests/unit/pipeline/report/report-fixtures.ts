import { CLASS_NAMES } from '../../../../core/model-contract.js';
import type { EpochLog, ModelId, ModelMetadata, Recipe, RobustnessResult, ShopPhotoMetrics, TopAccuracy } from '../../../../core/types.js';
import type { ShopPhotoResult } from '../../../../pipeline/eval/shop-photos.js';
import type { CheckedModel } from '../../../../pipeline/report/report-types.js';

/** A plausible 10x10 confusion matrix: 900 right per class, 100 mistaken for the mirror class. */
export const CONFUSION = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 900 : t + p === 9 ? 100 : 0)));

/** A 3-epoch history with distinct values per field, so a mixed-up field shows. */
export const HISTORY: EpochLog[] = [
  { epoch: 1, loss: 0.6, accuracy: 0.78, valLoss: 0.45, valAccuracy: 0.84, seconds: 40 },
  { epoch: 2, loss: 0.4, accuracy: 0.86, valLoss: 0.38, valAccuracy: 0.87, seconds: 39 },
  { epoch: 3, loss: 0.33, accuracy: 0.88, valLoss: 0.35, valAccuracy: 0.885, seconds: 41 },
];

/** The parts of metadata the comparison charts read. */
export function chartMetadata(displayName: string, overrides: Partial<Pick<ModelMetadata, 'weights' | 'id'>> = {}): Pick<ModelMetadata, 'id' | 'displayName' | 'training' | 'weights'> {
  return {
    id: overrides.id ?? 'cnn',
    displayName,
    training: { epochs: 3, batchSize: 32, optimizer: { name: 'Nadam' }, loss: 'cross-entropy', recipe: 'seed', seed: 42, backend: 'tensorflow', tensorflowVersion: '2.15.1', seconds: 120, samplesPerSecond: 1375, history: HISTORY, datasetSha256: {} },
    weights: overrides.weights ?? { dtype: 'float32', sha256: 'f'.repeat(64) },
  };
}

/** A short robustness suite with distinct figures per mode, so a mode mixed up shows. */
export const SUITE: RobustnessResult[] = [
  { change: 'none', description: 'as they are', accuracy: 0.9, mirrorAveragedAccuracy: 0.91 },
  { change: 'mirror', description: 'mirrored left-right', accuracy: 0.6, mirrorAveragedAccuracy: 0.88 },
  { change: 'noise-20', description: 'Gaussian noise, sigma 20, clipped', accuracy: 0.5, mirrorAveragedAccuracy: 0.52 },
];

/** Real-photo figures as the pipeline records them (the four fixture photos' classes). */
const SHOP_PHOTOS: ShopPhotoMetrics = {
  overall: { count: 4, top1: 0.5, top3: 0.75 },
  mirrorAveraged: { count: 4, top1: 0.5, top3: 0.75 },
  perClass: [{ classIndex: 0, count: 2, top1: 0.5, top3: 1 }],
};

/** What fixtureMetadata varies. */
export interface MetadataOverrides {
  id?: ModelId;
  displayName?: string;
  recipe?: Recipe;
  mirrorAverage?: boolean;
  robustness?: RobustnessResult[];
  augmentation?: Record<string, number | string | boolean>;
  testAccuracy?: number;
}

/** A complete, schema-shaped metadata.json for pure tests. */
export function fixtureMetadata(o: MetadataOverrides = {}): ModelMetadata {
  return {
    schemaVersion: 1,
    id: o.id ?? 'cnn',
    displayName: o.displayName ?? 'Fixture CNN',
    classNames: [...CLASS_NAMES],
    input: { shape: [28, 28, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' },
    trainableParams: 1000,
    metrics: { testAccuracy: o.testAccuracy ?? 0.9, testLoss: 0.3, validationAccuracy: 0.91, perClassAccuracy: CLASS_NAMES.map(() => 0.9), confusionMatrix: CONFUSION, robustness: o.robustness ?? SUITE, shopPhotos: SHOP_PHOTOS },
    training: {
      ...chartMetadata('x').training!,
      recipe: o.recipe ?? 'shop',
      ...(o.augmentation ? { augmentation: o.augmentation } : {}),
    },
    prediction: { mirrorAverage: o.mirrorAverage ?? false, why: `Fixture: ${o.mirrorAverage ? 'mirror-averaged' : 'alone'} because the fixture says so.` },
    weights: { dtype: 'uint8', sha256: 'e'.repeat(64) },
    createdAt: '2025-01-01T00:00:00.000Z',
    gitCommit: 'abc1234',
  };
}

/** Four photos (T-shirt/top twice, Sneaker, Bag) with their 28x28 inputs (pixel value = photo index + 1). */
export const PHOTOS = [
  { file: '0_T-shirt_top/a.png', label: 0 },
  { file: '0_T-shirt_top/b.png', label: 0 },
  { file: '7_Sneaker/c.png', label: 7 },
  { file: '8_Bag/d.png', label: 8 },
];

/** A photo result whose top-3 is `classes` (most probable first). */
export function photoResult(i: number, classes: [number, number, number]): ShopPhotoResult {
  const { file, label } = PHOTOS[i]!;
  const top3 = classes.map((c, k) => ({ index: c, label: CLASS_NAMES[c]!, probability: [0.6, 0.3, 0.1][k]! }));
  return { file, label, top3, correctTop1: classes[0] === label, correctTop3: classes.includes(label), input: new Uint8Array(784).fill(i + 1) };
}

/**
 * An export checked on the fixture photos: `guesses` gives each photo's top-3 in the model's own
 * mode; the figures are computed from them (alone and mirror-averaged the same unless `alone` given).
 */
export function checkedFixture(folder: string, metadata: ModelMetadata, guesses: [number, number, number][], alone?: TopAccuracy): CheckedModel {
  const perPhoto = guesses.map((g, i) => photoResult(i, g));
  const share = (f: (r: ShopPhotoResult) => boolean, rs: ShopPhotoResult[]) => rs.filter(f).length / rs.length;
  const accuracy = (rs: ShopPhotoResult[]): TopAccuracy => ({ count: rs.length, top1: share((r) => r.correctTop1, rs), top3: share((r) => r.correctTop3, rs) });
  const own = accuracy(perPhoto);
  const classes = [...new Set(PHOTOS.map((p) => p.label))];
  const metrics: ShopPhotoMetrics = {
    overall: metadata.prediction.mirrorAverage ? (alone ?? own) : own,
    mirrorAveraged: metadata.prediction.mirrorAverage ? own : (alone ?? own),
    perClass: classes.map((classIndex) => ({ classIndex, ...accuracy(perPhoto.filter((r) => r.label === classIndex)) })),
  };
  return { folder, metadata, robustness: { testImages: 10_000, results: metadata.metrics.robustness }, shopPhotos: { metrics, perPhoto } };
}
