const ORIENTATION_TAG = 0x0112;
const EXIF_IFD_TAG = 0x8769;
const SHORT = 3;
const LONG = 4;
const ENTRY_BYTES = 12;

/**
 * The first valid Orientation entry of the IFD at `offset`, searching the Exif sub-IFD where IFD0
 * links it (from IFD0 only, so a loop of links ends), in entry order; undefined when none.
 */
function findOrientation(view: DataView, little: boolean, offset: number, isRoot: boolean): number | undefined {
  if (offset + 2 > view.byteLength) return undefined;
  // An IFD that claims more entries than the block holds is read as far as whole entries go.
  const count = Math.min(view.getUint16(offset, little), Math.floor((view.byteLength - offset - 2) / ENTRY_BYTES));
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * ENTRY_BYTES;
    const tag = view.getUint16(entry, little);
    const type = view.getUint16(entry + 2, little);
    const values = view.getUint32(entry + 4, little);
    if (tag === ORIENTATION_TAG && type === SHORT && values === 1) {
      const value = view.getUint16(entry + 8, little);
      if (value >= 1 && value <= 8) return value;
    }
    if (tag === EXIF_IFD_TAG && isRoot && type === LONG && values === 1) {
      const found = findOrientation(view, little, view.getUint32(entry + 8, little), false);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The Orientation (tag 0x0112) of an Exif/TIFF block, 1..8, read exactly as Chrome applies it
 * (Skia's SkExif::Parse, which Blink's image decoders call, checked against Chromium 156 in
 * tests/e2e/hostile-images.test.ts): the header must be 'II*\0' or 'MM\0*'; the tag counts only
 * as a SHORT with count 1 and a value 1..8 (a LONG, a count of 2, a 0 or a 9 is skipped and the
 * search goes on); the first such entry wins, searching IFD0 and the Exif sub-IFD it links to
 * (tag 0x8769), never IFD1 (the thumbnail's). 1 when there is none. Orientations 5..8 turn the
 * picture a quarter: it shows with width and height swapped. Pure.
 */
export function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const header = view.getUint32(0);
  const little = header === 0x49492a00; // 'II', 42 little-endian
  if (!little && header !== 0x4d4d002a) return 1; // 'MM', 42 big-endian
  return findOrientation(view, little, view.getUint32(4, little), true) ?? 1;
}

/** True when the orientation shows the stored pixels turned a quarter (width and height swap). */
export const swapsEdges = (orientation: number): boolean => orientation >= 5;
