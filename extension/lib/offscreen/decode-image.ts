import { DECODE_MAX_EDGE, THUMBNAIL_EDGE } from '../image-limits';
import { checkImageSize, mimeOf, type MeasuredImage } from './check-image';
import { decodedShape, resizeRequest } from './decoded-shape';
import { fail } from '../failures';

/** A decoded image, ready for core's conversion. */
export interface DecodedImage {
  /** RGBA pixels, not premultiplied (transparent pixels keep their alpha; core composites on white). */
  rgba: { data: Uint8ClampedArray; width: number; height: number };
  /** The size of the image as fetched (rgba may be reduced to DECODE_MAX_EDGE). */
  width: number;
  height: number;
  /** The image at most THUMBNAIL_EDGE on its longest edge, when asked for (the popup's thumbnail: thumbnail-url.ts). */
  thumbnail?: ImageBitmap;
}

/** Width and height scaled so the longest edge is at most `edge` (never enlarged). */
export function fitWithin(width: number, height: number, edge: number): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A 2D canvas stores premultiplied colour. At 8 bits that rounds away most of the colour of a
 * faint pixel (a PNG cut-out's soft shadow at alpha 2 comes back up to 13 levels off), and when
 * such a pixel sits at the trim's threshold the 28x28 input moves by a pixel. A float16 canvas
 * keeps every partly transparent pixel as the file stores it, so the extension sees what Node's
 * PNG decoder sees (only fully transparent pixels lose their colour, which core ignores).
 * Chrome 137+ has `colorType`; older versions ignore it and keep 8 bits.
 */
const EXACT_PIXELS = { willReadFrequently: true, colorType: 'float16' } as const;

/**
 * A JPEG has no transparency, so an 8-bit canvas keeps its pixels exactly (nothing is
 * premultiplied away) and costs a third less to draw and read than a float16 one.
 */
const OPAQUE_PIXELS = { willReadFrequently: true } as const;

function draw(source: CanvasImageSource, width: number, height: number, settings: object): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(width, height).getContext('2d', settings);
  if (!context) throw new Error('the offscreen document could not create a 2D canvas');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  return context;
}

/** The bitmap at most `edge` on its longest edge, by the browser's high-quality resampler. */
function smallCopy(bitmap: ImageBitmap, edge: number): Promise<ImageBitmap> {
  const size = fitWithin(bitmap.width, bitmap.height, edge);
  return createImageBitmap(bitmap, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
}

/**
 * Decodes the bytes with createImageBitmap, never blind: the size `header` states (as shown,
 * Exif orientation applied; checkImageHeader) is checked against the pixel limits first, and
 * images are decoded straight to DECODE_MAX_EDGE by the browser's high-quality resampler where the
 * header gives the exact size. Where it gives an upper bound (GIF, ICO, AVIF) the decoded size is checked again.
 *
 * The decoded bitmap's shape is checked against the header's (decodedShape): never squashed. One
 * the browser shows turned a quarter from what the header reader said (an orientation it applies
 * or ignores differently) is decoded again at the size as the browser shows it; any other
 * difference is refused. (`retried` is that second decode's mark: it is never repeated.)
 *
 * DOM-free: it runs in the prepare worker (prepare-worker.ts), off the offscreen document's main thread.
 */
export async function decodeImage(bytes: Uint8Array, contentType: string | null, header: MeasuredImage, withThumbnail: boolean, retried = false): Promise<DecodedImage> {
  checkImageSize(header.width, header.height);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeOf(contentType) });
  const request = header.exact ? resizeRequest(header, fitWithin(header.width, header.height, DECODE_MAX_EDGE)) : undefined;
  let bitmap: ImageBitmap;
  try {
    // 'from-image' applies the Exif orientation (Chrome's default, stated): the resize target is the size as shown.
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none', ...(request ? { ...request, resizeQuality: 'high' } : {}) });
  } catch {
    throw fail('decode-failed', mimeOf(contentType) || header.format || '');
  }
  const shape = header.exact ? decodedShape(header, request, bitmap) : 'as-promised';
  if (shape !== 'as-promised') {
    const decoded = { width: bitmap.width, height: bitmap.height };
    bitmap.close(); // before decoding again: never two bitmaps of one image at once
    if (shape === 'turned' && !retried) return decodeImage(bytes, contentType, { ...header, width: header.height, height: header.width }, withThumbnail, true);
    throw fail('shape-mismatch', header.width, header.height, decoded.width, decoded.height);
  }
  try {
    const width = header.exact ? header.width : bitmap.width;
    const height = header.exact ? header.height : bitmap.height;
    checkImageSize(width, height);
    const size = fitWithin(bitmap.width, bitmap.height, DECODE_MAX_EDGE);
    const rgba = draw(bitmap, size.width, size.height, header.format === 'jpeg' ? OPAQUE_PIXELS : EXACT_PIXELS).getImageData(0, 0, size.width, size.height);
    const thumbnail = withThumbnail ? await smallCopy(bitmap, THUMBNAIL_EDGE) : undefined;
    return { rgba: { data: rgba.data, width: size.width, height: size.height }, width, height, ...(thumbnail ? { thumbnail } : {}) };
  } finally {
    bitmap.close();
  }
}
