import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePhoto, SHOP_PHOTOS_DIR } from '../eval/shop-photos.js';
import { rgbaPngDataUri } from './png-data-uri.js';
import { photoThumbnail } from './photo-thumbnail.js';

/** A photo's thumbnail for the page: a PNG data URI and its size. */
export interface PhotoThumbnail {
  uri: string;
  width: number;
  height: number;
}

/** Each listed photo of `dir` (files relative to it) as a thumbnail with its longest edge `longest` px, by file. */
export async function loadPhotoThumbnails(files: readonly string[], dir: string = SHOP_PHOTOS_DIR, longest = 64): Promise<Map<string, PhotoThumbnail>> {
  const thumbnails = new Map<string, PhotoThumbnail>();
  for (const file of files) {
    const thumbnail = photoThumbnail(decodePhoto(await readFile(join(dir, file))), longest);
    thumbnails.set(file, { uri: rgbaPngDataUri(thumbnail), width: thumbnail.width, height: thumbnail.height });
  }
  return thumbnails;
}
