import { PNG } from 'pngjs';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/model-contract.js';
import type { RgbaImage } from '../../core/conversion/types.js';

/** An RGBA image as a PNG data: URI, so the report's pictures live inside index.html. */
export function rgbaPngDataUri(image: RgbaImage): string {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return `data:image/png;base64,${PNG.sync.write(png, { colorType: 6 }).toString('base64')}`;
}

/**
 * A 28x28 Fashion-MNIST image (784 gray bytes) as a PNG data: URI at its true size (about 0.5 KB);
 * the page scales it up with `image-rendering: pixelated`, so every pixel the model saw is visible.
 */
export function grayPngDataUri(pixels: Uint8Array): string {
  if (pixels.length !== IMAGE_PIXELS) throw new Error(`grayPngDataUri takes a ${IMAGE_SIZE}x${IMAGE_SIZE} image (${IMAGE_PIXELS} bytes), got ${pixels.length}.`);
  const png = new PNG({ width: IMAGE_SIZE, height: IMAGE_SIZE, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.from(pixels);
  return `data:image/png;base64,${PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }).toString('base64')}`;
}
