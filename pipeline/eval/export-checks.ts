import type { ModelContract } from '../../core/model-loader.js';
import type { ModelMetadata } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { loadModelFiles } from '../export/model-folder-io.js';
import type { LayersModelFiles } from '../models/model-to-files.js';
import { makeSuiteImages, runSuite, type SuiteImages } from './robustness/robustness-suite.js';
import { loadShopPhotos, predictShopPhotos, type ShopPhoto } from './shop-photos.js';

/** What every export (shipped or not, trained or converted) is checked on beyond the test set: the robustness suite and the real shop photos. */
export interface ExportChecks {
  /** The test images under each suite change (made once, used for every model). */
  suite: SuiteImages;
  /** The real product photos, converted with core's conversion. */
  photos: ShopPhoto[];
}

export async function loadExportChecks(test: ImageSet): Promise<ExportChecks> {
  return { suite: makeSuiteImages(test), photos: await loadShopPhotos() };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Loads the model `files` through core's loader (the weights it ships), runs the robustness suite
 * and the shop photos in its prediction mode, logs them, and returns the figures metadata.json records.
 */
export async function runExportChecks(files: LayersModelFiles, contract: ModelContract, prediction: ModelMetadata['prediction'], checks: ExportChecks, log: (line: string) => void = () => {}): Promise<Pick<ModelMetadata['metrics'], 'robustness' | 'shopPhotos'>> {
  const model = await loadModelFiles(files, contract, `the ${contract.displayName} model (${contract.id})`);
  try {
    const robustness = runSuite(model, checks.suite);
    const own = prediction.mirrorAverage;
    const shopPhotos = predictShopPhotos(model, checks.photos, { mirrorAverage: own }).metrics;
    const photos = own ? shopPhotos.mirrorAveraged : shopPhotos.overall;
    log(
      `${contract.displayName} (${own ? 'mirror-averaged' : 'image alone'}): ` +
        robustness.map((r) => `${r.change} ${pct(own ? r.mirrorAveragedAccuracy : r.accuracy)}`).join(', ') +
        `; shop photos top-1 ${pct(photos.top1)}, top-3 ${pct(photos.top3)} of ${photos.count}`,
    );
    return { robustness, shopPhotos };
  } finally {
    model.dispose();
  }
}
