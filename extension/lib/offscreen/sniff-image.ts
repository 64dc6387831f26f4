import { avifSize } from './image-headers/avif-size';
import { swapsEdges } from './image-headers/exif-orientation';
import { gifSize } from './image-headers/gif-size';
import { icoSize } from './image-headers/ico-size';
import { readJpegHeader } from './image-headers/jpeg-header';
import { pngOrientation } from './image-headers/png-orientation';

/** What the first bytes of a file say it is. */
export interface SniffedImage {
  /** Raster formats Chrome decodes, 'svg' and 'html' (refused with their own sentence), or null. */
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'ico' | 'svg' | 'html' | null;
  /**
   * Pixel size as the browser shows the image (Exif orientation applied), read from the header
   * before anything decodes it. Undefined when the header does not say (the image is refused).
   */
  width?: number;
  height?: number;
  /**
   * True when the browser decodes to exactly this size, so it can be asked to decode straight to
   * a smaller one. Otherwise (GIF frames, ICO entries, AVIF crops) the size is an upper bound.
   */
  exact?: boolean;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** The size as shown: edges swapped when the orientation turns the stored pixels a quarter. */
const shown = (size: { width?: number; height?: number }, orientation: number) =>
  swapsEdges(orientation) && size.width !== undefined ? { width: size.height, height: size.width } : size;

function webpSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { width, height };
  }
  return undefined;
}

/**
 * Recognises an image by its magic bytes (servers often send application/octet-stream) and
 * reads its pixel size from the header where that is cheap, so a 40-megapixel image is refused
 * before anything decodes it. Pure.
 */
export function sniffImage(bytes: Uint8Array): SniffedImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') {
    return { format: 'png', ...shown({ width: view.getUint32(16), height: view.getUint32(20) }, pngOrientation(bytes)), exact: true };
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const { orientation, ...size } = readJpegHeader(bytes);
    return { format: 'jpeg', ...shown(size, orientation), ...(size.width !== undefined ? { exact: true } : {}) };
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { format: 'gif', ...gifSize(bytes) };
  }
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const size = webpSize(bytes, view);
    return { format: 'webp', ...size, ...(size ? { exact: true } : {}) };
  }
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)), exact: true };
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /avi[fs]/.test(ascii(bytes, 8, 4))) {
    return { format: 'avif', ...avifSize(bytes) };
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && (bytes[2] === 1 || bytes[2] === 2) && bytes[3] === 0) {
    return { format: 'ico', ...icoSize(bytes) }; // ICO, or CUR (type 2), which Chrome decodes alike
  }
  const head = ascii(bytes, 0, Math.min(bytes.length, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { format: 'svg' };
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body')) {
    return { format: 'html' };
  }
  return { format: null };
}
