import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toFashionMnist } from '../../../core/conversion/to-fashion-mnist.js';
import { decodePhoto } from './decode-photo.js';
import { parseShopPhotoLabels } from './shop-photo-labels.js';
import { UserError } from '../../shared/user-error.js';

/** The project's real product photos: pipeline/data/shop-photos in the repository. */
export const SHOP_PHOTOS_DIR = resolve(import.meta.dirname, '../../data/shop-photos');

/** One real product photo, converted as the extension converts a clicked image. */
export interface ShopPhoto {
  /** Path relative to the photos' folder, e.g. "7_Sneaker/saleor-dash-force-1.png". */
  file: string;
  /** Its Fashion-MNIST class index 0..9. */
  label: number;
  /** The model's input: core's toFashionMnist of the decoded photo, 28x28 row-major, light on black. */
  input: Uint8Array;
  /** The photo's size in pixels as stored. */
  width: number;
  height: number;
}

const RESTORE = 'restore the folder with `git checkout -- pipeline/data/shop-photos`';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readOrExplain(path: string, what: string, fix: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserError('shop-photos', `${what} ${path} ${missing ? 'is missing' : `cannot be read (${reason(error)})`}: ${fix}.`, { cause: error });
  }
}

/**
 * Reads labels.tsv in `dir` and every photo it lists, decodes each (PNG or JPEG, see decodePhoto)
 * and converts it with core's toFashionMnist, in the order labels.tsv lists them. Throws a
 * sentence naming the file and what to do when labels.tsv or a photo is missing or does not decode.
 */
export async function loadShopPhotos(dir: string = SHOP_PHOTOS_DIR): Promise<ShopPhoto[]> {
  const labelsPath = join(dir, 'labels.tsv');
  const tsv = await readOrExplain(labelsPath, 'The shop photos\' list', `${RESTORE}, or pass the folder that holds labels.tsv`);
  const labels = parseShopPhotoLabels(tsv.toString('utf8'), labelsPath);
  const photos: ShopPhoto[] = [];
  for (const { file, label } of labels) {
    const path = join(dir, file);
    const bytes = await readOrExplain(path, 'The shop photo', `${RESTORE}, or remove its line from ${labelsPath}`);
    let image;
    try {
      image = decodePhoto(bytes);
    } catch (error) {
      throw new UserError('shop-photos', `The shop photo ${path} does not decode: ${reason(error)}. Replace it with the original file from the source labels.tsv names, or remove its line from ${labelsPath}.`, { cause: error });
    }
    photos.push({ file, label, input: toFashionMnist(image), width: image.width, height: image.height });
  }
  return photos;
}
