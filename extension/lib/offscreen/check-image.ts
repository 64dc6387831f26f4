import { MAX_IMAGE_PIXELS, MIN_IMAGE_EDGE } from '../image-limits';
import { imageErrors } from './image-errors';
import type { SniffedImage } from './sniff-image';

const RASTER = new Set(['png', 'jpeg', 'gif', 'webp', 'bmp', 'avif', 'ico']);

/** The MIME type without parameters, lower-case ('' when absent). */
export function mimeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Decides from the Content-Type and the magic bytes whether the bytes are a photo Chrome can
 * decode; throws the sentence for SVGs, web pages and everything else. The bytes win over the
 * header (servers often say application/octet-stream), except that SVG is refused either way.
 */
export function checkImageType(contentType: string | null, sniffed: SniffedImage): void {
  const mime = mimeOf(contentType);
  if (sniffed.format === 'svg' || mime === 'image/svg+xml') throw imageErrors.svg();
  if (sniffed.format !== null && RASTER.has(sniffed.format)) return;
  if (sniffed.format === 'html' || mime === 'text/html' || mime === 'application/xhtml+xml') {
    throw imageErrors.webPage(mime || 'text/html');
  }
  // Chrome decodes no raster format that the sniff does not know, so an image/* type with
  // unknown bytes is either damaged or something we could not measure before decoding.
  if (mime.startsWith('image/')) throw imageErrors.sizeUnknown(mime);
  throw imageErrors.notAnImage(mime);
}

/**
 * The size the header promises, or the refusal: an image whose header does not say how large it
 * is would be decoded blind (a 1.5 MB file can hold 400 megapixels).
 */
export function measuredSize(sniffed: SniffedImage, contentType: string | null): { width: number; height: number } {
  if (sniffed.width === undefined || sniffed.height === undefined) throw imageErrors.sizeUnknown(sniffed.format ?? (mimeOf(contentType) || 'unknown type'));
  return { width: sniffed.width, height: sniffed.height };
}

/** Refuses images too small to show a garment or too large to decode safely. */
export function checkImageSize(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) throw imageErrors.tooManyPixels(width, height);
  if (width < MIN_IMAGE_EDGE || height < MIN_IMAGE_EDGE) throw imageErrors.tooSmall(width, height);
}
