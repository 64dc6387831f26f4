import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOP_PHOTOS_DIR, type ShopPhoto } from '../pipeline/eval/shop-photos.js';
import type { Product } from './shop-server.js';

/** Where the loopback shop serves a real shop photo (pipeline/data/shop-photos). */
export const shopPhotoPath = (photo: ShopPhoto): string => `/shop-photos/${photo.file}`;

/** The real shop photos as the loopback shop serves them: the files as they are (JPEGs, and PNG cut-outs with transparency). */
export function shopPhotoProducts(photos: readonly ShopPhoto[]): Product[] {
  return photos.map((photo) => ({
    name: photo.file,
    png: readFileSync(join(SHOP_PHOTOS_DIR, photo.file)),
    path: shopPhotoPath(photo),
    contentType: photo.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
  }));
}
