import { predictOptionsOf } from '../../core/predict.js';
import type { ImageSet } from '../data/image-set.js';
import { loadModelFolder, type ModelFolder } from '../export/model-folder-io.js';
import { makeSuiteImages, runSuite, type SuiteImages } from './robustness/robustness-suite.js';
import { loadShopPhotos, predictShopPhotos, type ShopPhoto } from './shop-photos.js';

/** What every exported model is checked on beyond the test set: the robustness suite and the real shop photos. */
export interface ShopChecks {
  /** The test images under each suite change (made once, used for every model). */
  suite: SuiteImages;
  /** The project's real product photos, converted with core's conversion. */
  photos: ShopPhoto[];
}

export async function loadShopChecks(test: ImageSet): Promise<ShopChecks> {
  return { suite: makeSuiteImages(test), photos: await loadShopPhotos() };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Loads the in-memory `folder` through core's loader (the weights it ships, the prediction mode
 * its metadata names), runs the robustness suite and the shop photos, and returns the folder with
 * both recorded in its metadata (nothing is written: the caller writes the folder once).
 */
export async function withShopChecks(folder: ModelFolder, checks: ShopChecks, log: (line: string) => void = () => {}): Promise<ModelFolder> {
  const { metadata } = folder;
  const model = await loadModelFolder(folder, `the ${metadata.displayName} model (${metadata.id})`);
  try {
    const robustness = runSuite(model, checks.suite);
    const own = predictOptionsOf(metadata).mirrorAverage;
    const shopPhotos = predictShopPhotos(model, checks.photos, { mirrorAverage: own }).metrics;
    const photos = own ? shopPhotos.mirrorAveraged : shopPhotos.overall;
    log(
      `${metadata.displayName} (${own ? 'mirror-averaged' : 'image alone'}): ` +
        robustness.map((r) => `${r.change} ${pct(own ? r.mirrorAveragedAccuracy : r.accuracy)}`).join(', ') +
        `; shop photos top-1 ${pct(photos.top1)}, top-3 ${pct(photos.top3)} of ${photos.count}`,
    );
    return { ...folder, metadata: { ...metadata, metrics: { ...metadata.metrics, robustness, shopPhotos } } };
  } finally {
    model.dispose();
  }
}
