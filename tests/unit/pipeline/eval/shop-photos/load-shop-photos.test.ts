import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../../../../core/model-contract.js';
import { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from '../../../../../pipeline/eval/shop-photos.js';

/** Every photo file in the fixture folder, found by walking it (not by reading labels.tsv). */
function photoFilesOnDisk(): string[] {
  return readdirSync(SHOP_PHOTOS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'licenses')
    .flatMap((d) => readdirSync(join(SHOP_PHOTOS_DIR, d.name)).map((name) => `${d.name}/${name}`))
    .sort();
}

/** Width and height from the file's own header: PNG's IHDR, or a JPEG's first start-of-frame. */
function headerSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let at = 2; at < bytes.length; at += 2 + bytes.readUInt16BE(at + 2)) {
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
  }
  throw new Error('no start-of-frame');
}

let photos: ShopPhoto[];
let scratch: string;

beforeAll(async () => {
  photos = await loadShopPhotos();
  scratch = mkdtempSync(join(tmpdir(), 'shop-photos-test-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadShopPhotos on the project\'s real photos', () => {
  it('loads every photo in the folder, each once, in labels.tsv order', () => {
    expect(photos.map((p) => p.file).sort()).toEqual(photoFilesOnDisk());
    expect(photos).toHaveLength(36);
    expect(photos[0]!.file).toBe(readFileSync(join(SHOP_PHOTOS_DIR, 'labels.tsv'), 'utf8').split('\n')[1]!.split('\t')[2]);
  });

  it('labels each photo with the class its folder is named after', () => {
    for (const photo of photos) expect(photo.file.split('_')[0], photo.file).toBe(String(photo.label));
    const perClass = Object.fromEntries([0, 2, 7, 8].map((c) => [c, photos.filter((p) => p.label === c).length]));
    expect(perClass).toEqual({ 0: 10, 2: 6, 7: 10, 8: 10 }); // what the folder's README says
  });

  it('gives each photo\'s stored size', () => {
    for (const photo of photos) {
      expect({ width: photo.width, height: photo.height }, photo.file).toEqual(headerSize(readFileSync(join(SHOP_PHOTOS_DIR, photo.file))));
    }
  });

  it('converts each to a 28x28 model input: a light item on a black background', () => {
    for (const photo of photos) {
      const { input, file } = photo;
      expect(input, file).toBeInstanceOf(Uint8Array);
      expect(input, file).toHaveLength(IMAGE_PIXELS);
      expect([input[0], input[27], input[27 * 28], input[783]], `${file}: the corners are background`).toEqual([0, 0, 0, 0]);
      expect(Math.max(...input), `${file}: levelled to full range`).toBe(255);
      const lit = input.filter((v) => v > 25).length / IMAGE_PIXELS;
      expect(lit, `${file}: the item covers part of the frame, not none or all of it`).toBeGreaterThan(0.1);
      expect(lit, file).toBeLessThan(0.85);
    }
  });
});

describe('loadShopPhotos on a broken folder', () => {
  const header = 'class_index\tclass_name\tfile\tsource_repository\tsource_commit\tsource_path\tlicense';
  const line = (file: string, index = 7, name = 'Sneaker') => `${index}\t${name}\t${file}\towner/repo\tabc\tpath\tBSD-3-Clause`;
  const folder = (name: string, lines: string[]): string => {
    const dir = join(scratch, name);
    mkdirSync(join(dir, '7_Sneaker'), { recursive: true });
    writeFileSync(join(dir, 'labels.tsv'), [header, ...lines, ''].join('\n'));
    return dir;
  };

  it('names the missing labels.tsv and says how to restore it', async () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir);
    await expect(loadShopPhotos(dir)).rejects.toThrow(`The shop photos' list ${join(dir, 'labels.tsv')} is missing: restore the folder with \`git checkout -- pipeline/data/shop-photos\``);
  });

  it('names a missing photo and says what to do', async () => {
    const dir = folder('missing', [line('7_Sneaker/gone.png')]);
    await expect(loadShopPhotos(dir)).rejects.toThrow(`The shop photo ${join(dir, '7_Sneaker/gone.png')} is missing: restore the folder with \`git checkout -- pipeline/data/shop-photos\`, or remove its line from ${join(dir, 'labels.tsv')}.`);
  });

  it('names a photo that does not decode, and why', async () => {
    const dir = folder('corrupt', [line('7_Sneaker/a.png'), line('7_Sneaker/b.jpg')]);
    copyFileSync(join(SHOP_PHOTOS_DIR, '7_Sneaker/saleor-dash-force-1.png'), join(dir, '7_Sneaker/a.png'));
    writeFileSync(join(dir, '7_Sneaker/b.jpg'), '<html>not found</html>');
    await expect(loadShopPhotos(dir)).rejects.toThrow(`The shop photo ${join(dir, '7_Sneaker/b.jpg')} does not decode: it is neither a PNG nor a JPEG`);
  });

  it('refuses a labels.tsv line whose class name is not its index\'s', async () => {
    const dir = folder('mislabelled', [line('7_Sneaker/a.png', 7, 'Sandal')]);
    await expect(loadShopPhotos(dir)).rejects.toThrow(`${join(dir, 'labels.tsv')}, line 2: class 7 is Sneaker, not "Sandal".`);
  });
});
