/** ISO-BMFF boxes that hold the boxes AVIF's image size lives in ('meta' also has 4 bytes of version and flags). */
const CONTAINERS: Record<string, number> = { meta: 4, iprp: 0, ipco: 0 };

/**
 * An AVIF's size as shown: the largest 'ispe' (image spatial extent) property in meta/iprp/ipco,
 * with width and height swapped when an 'irot' turns it a quarter. Every AVIF must carry ispe;
 * undefined when none is found (the caller refuses the file rather than decode it blind). Pure.
 */
export function avifSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let quarterTurn = false;
  const walk = (start: number, end: number, depth: number): void => {
    let offset = start;
    while (offset + 8 <= end && depth < 4) {
      let size = view.getUint32(offset);
      const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
      let header = 8;
      if (size === 1) {
        if (offset + 16 > end) return;
        size = Number(view.getBigUint64(offset + 8));
        header = 16;
      } else if (size === 0) {
        size = end - offset;
      }
      if (size < header || offset + size > end) return;
      if (type in CONTAINERS) walk(offset + header + CONTAINERS[type]!, offset + size, depth + 1);
      if (type === 'ispe' && size >= header + 12) {
        width = Math.max(width, view.getUint32(offset + header + 4));
        height = Math.max(height, view.getUint32(offset + header + 8));
      }
      if (type === 'irot' && size >= header + 1 && (bytes[offset + header]! & 1) === 1) quarterTurn = true;
      offset += size;
    }
  };
  walk(0, bytes.length, 0);
  if (width === 0 || height === 0) return undefined;
  return quarterTurn ? { width: height, height: width } : { width, height };
}
