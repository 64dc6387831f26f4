import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import { loadFashionModel } from '../../core/model-loader.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { writeFileAtomically } from '../data/write-file-atomically.js';
import { makeSuiteImages, runSuite, type SuiteImages } from './robustness/robustness-suite.js';
import { loadShopPhotos, predictShopPhotos, type ShopPhoto } from './shop-photos.js';
import { METADATA_FILE, MODEL_FILE } from '../../core/model-folder.js';

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
 * Loads the exported model in `dir` through core's loader (the weights it ships, the prediction
 * mode its metadata names), runs the robustness suite and the shop photos, and records both in
 * its metadata.json (rewritten atomically). Returns the new metadata.
 */
export async function recordShopChecks(dir: string, checks: ShopChecks, log: (line: string) => void = () => {}): Promise<ModelMetadata> {
  const path = join(dir, METADATA_FILE);
  const metadata = parseModelMetadata(JSON.parse(readFileSync(path, 'utf8')), path);
  const { model } = await loadFashionModel(`file://${resolve(dir, MODEL_FILE)}`, metadata, path);
  try {
    const robustness = runSuite(model, checks.suite);
    const own = predictOptionsOf(metadata).mirrorAverage;
    const shopPhotos = predictShopPhotos(model, checks.photos, { mirrorAverage: own }).metrics;
    const updated: ModelMetadata = { ...metadata, metrics: { ...metadata.metrics, robustness, shopPhotos } };
    parseModelMetadata(JSON.parse(JSON.stringify(updated)), path);
    await writeFileAtomically(path, new TextEncoder().encode(JSON.stringify(updated, null, 2) + '\n'));
    const photos = own ? shopPhotos.mirrorAveraged : shopPhotos.overall;
    log(
      `${dir} (${own ? 'mirror-averaged' : 'image alone'}): ` +
        robustness.map((r) => `${r.change} ${pct(own ? r.mirrorAveragedAccuracy : r.accuracy)}`).join(', ') +
        `; shop photos top-1 ${pct(photos.top1)}, top-3 ${pct(photos.top3)} of ${photos.count}`,
    );
    return updated;
  } finally {
    model.dispose();
  }
}
