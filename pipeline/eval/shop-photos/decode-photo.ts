import { decode as decodeJpeg } from '@cwasm/jpeg-turbo';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../../core/conversion/types.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * Decodes a PNG or JPEG photo (recognised by its first bytes, not its name) to straight-alpha RGBA,
 * the pixels Chrome hands the extension for the same file:
 * - PNG with pngjs: every PNG colour type and bit depth comes out as 8-bit RGBA with its transparency.
 * - JPEG with libjpeg-turbo (compiled to WebAssembly), the decoder Chrome uses, with Chrome's
 *   settings (accurate integer IDCT, smooth chroma upsampling): on the project's photos the RGBA is
 *   byte for byte what Chromium's createImageBitmap gives. A pure-JS decoder (jpeg-js) differed by
 *   up to 58 levels per channel there, 76 after the conversion to 28x28.
 * Like the project's photos it ignores colour profiles (iCCP, gAMA) and EXIF orientation, which
 * Chrome would apply: a photo with either would no longer match the extension exactly.
 *
 * Throws an Error with the reason when the bytes are neither format or do not decode.
 */
export function decodePhoto(bytes: Uint8Array): RgbaImage {
  if (startsWith(bytes, PNG_SIGNATURE)) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
  }
  if (startsWith(bytes, JPEG_SIGNATURE)) {
    const jpeg = decodeJpeg(bytes);
    return { data: new Uint8Array(jpeg.data.buffer, jpeg.data.byteOffset, jpeg.data.byteLength), width: jpeg.width, height: jpeg.height };
  }
  throw new Error('it is neither a PNG nor a JPEG (its first bytes are neither signature)');
}
