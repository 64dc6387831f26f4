import { MAX_IMAGE_PIXELS, MIN_IMAGE_EDGE } from '../image-limits';
import type { SniffedImage } from './sniff-image';
import { fail } from '../failures';

const RASTER = new Set(['png', 'jpeg', 'gif', 'webp', 'bmp', 'avif', 'ico']);

/** The MIME type without parameters, lower-case ('' when absent). */
export function mimeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A sniffed image whose header states its size (what checkImageHeader lets through to the decoder). */
export type MeasuredImage = SniffedImage & { width: number; height: number };

/**
 * Decides from the Content-Type and the magic bytes whether the bytes are a photo Chrome can
 * decode, and returns it with the size its header states (as shown, orientation applied); throws the
 * sentence for SVGs, web pages and everything else. The bytes win over the header (servers often
 * say application/octet-stream), except that SVG is refused either way. An image whose header
 * does not say how large it is is refused too: it would be decoded blind (a 1.5 MB file can hold
 * 400 megapixels), and Chrome decodes no raster format that the sniff does not know.
 */
export function checkImageHeader(contentType: string | null, sniffed: SniffedImage): MeasuredImage {
  const mime = mimeOf(contentType);
  if (sniffed.format === 'svg' || mime === 'image/svg+xml') throw fail('svg');
  const raster = sniffed.format !== null && RASTER.has(sniffed.format);
  if (!raster && (sniffed.format === 'html' || mime === 'text/html' || mime === 'application/xhtml+xml')) {
    throw fail('web-page', mime || 'text/html');
  }
  if (!raster && !mime.startsWith('image/')) throw fail('not-an-image', mime);
  if (sniffed.width === undefined || sniffed.height === undefined) throw fail('size-unknown', sniffed.format ?? (mime || 'unknown type'));
  return { ...sniffed, width: sniffed.width, height: sniffed.height };
}

/** Refuses images too small to show a garment or too large to decode safely. */
export function checkImageSize(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) throw fail('too-many-pixels', width, height);
  if (width < MIN_IMAGE_EDGE || height < MIN_IMAGE_EDGE) throw fail('too-small', width, height);
}
