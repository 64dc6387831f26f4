/**
 * The largest image in an ICO (or CUR) file, which is the one Chrome decodes. Each directory entry
 * is measured by what it holds: an embedded PNG by its IHDR, a bitmap by the larger of the
 * directory's size (0 means 256) and its own header's (whose height counts the mask too).
 * Undefined when the directory is cut short. Pure.
 */
export function icoSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 6) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4, true);
  if (count === 0 || 6 + count * 16 > bytes.length) return undefined;
  let best: { width: number; height: number } | undefined;
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    let width = bytes[entry] || 256;
    let height = bytes[entry + 1] || 256;
    const at = view.getUint32(entry + 12, true);
    if (at + 24 <= bytes.length && bytes[at] === 0x89 && bytes[at + 1] === 0x50) {
      width = view.getUint32(at + 16);
      height = view.getUint32(at + 20);
    } else if (at + 12 <= bytes.length) {
      width = Math.max(width, Math.abs(view.getInt32(at + 4, true)));
      height = Math.max(height, Math.ceil(Math.abs(view.getInt32(at + 8, true)) / 2));
    }
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}
