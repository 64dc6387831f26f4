/**
 * The size a GIF decodes to: its logical screen, grown to every frame's extent (Chrome grows the
 * canvas to a first frame larger than the screen, and a frame may sit anywhere). Walks every
 * block, so a large frame late in the file is found too. Undefined when the header is cut short. Pure.
 */
export function gifSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 13) return undefined;
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  let width = u16(6);
  let height = u16(8);
  const tableSize = (packed: number) => (packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
  let offset = 13 + tableSize(bytes[10]!);
  const skipSubBlocks = () => {
    while (offset < bytes.length && bytes[offset] !== 0) offset += bytes[offset]! + 1;
    offset++;
  };
  while (offset < bytes.length) {
    const block = bytes[offset]!;
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      offset += 2; // introducer + label
      skipSubBlocks();
    } else if (block === 0x2c) {
      if (offset + 10 > bytes.length) break;
      width = Math.max(width, u16(offset + 1) + u16(offset + 5));
      height = Math.max(height, u16(offset + 3) + u16(offset + 7));
      offset += 10 + tableSize(bytes[offset + 9]!) + 1; // descriptor, local table, LZW code size
      skipSubBlocks();
    } else {
      break; // not a GIF block: Chrome stops decoding here too
    }
  }
  return { width, height };
}
