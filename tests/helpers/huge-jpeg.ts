/**
 * A real, valid baseline JPEG of `edge` x `edge` flat grey pixels that is tiny for its size: one
 * 8x8 block costs two bits (Huffman tables with a single one-bit code each: "no change of DC",
 * "end of block"), so 20000 x 20000 (400 megapixels) fits in 1.56 MB of zero bytes.
 * `strayByte` puts one byte that is not a marker before the frame header: libjpeg (Chrome's
 * decoder) skips it with a warning and decodes the image in full.
 */
export function hugeFlatJpeg(edge = 20_000, strayByte = false): Buffer {
  const segment = (marker: number, body: number[]) => Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  const oneCodeTable = (tableClass: number) => segment(0xc4, [tableClass << 4, 1, ...new Array(15).fill(0), 0x00]);
  const blocks = Math.ceil(edge / 8) ** 2;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    Buffer.from(strayByte ? [0x00] : []),
    segment(0xc0, [8, edge >> 8, edge & 0xff, edge >> 8, edge & 0xff, 1, 1, 0x11, 0]),
    oneCodeTable(0),
    oneCodeTable(1),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.alloc(Math.ceil((blocks * 2) / 8)),
    Buffer.from([0xff, 0xd9]),
  ]);
}
