/**
 * LeNet-5's RBF class codes (LeCun et al. 1998, Fig. 3 and section II-B): each class is a fixed
 * 7x12 bitmap of its character, '#' = +1 and '.' = -1, read row by row into the 84 F6 units.
 * Class i gets the bitmap of the digit i, as in the paper. Drawn here after the paper's figure (a
 * plain 7x12 font), not a pixel copy of it. Like the paper's, similar-looking glyphs have similar
 * codes (6, 8 and 9 differ in a few pixels): the paper chose that on purpose for its
 * character-string recognizer, and the report's comparison shows what it costs here.
 */
export const RBF_CODE_WIDTH = 7;
export const RBF_CODE_HEIGHT = 12;

// prettier-ignore
export const RBF_DIGIT_BITMAPS: readonly (readonly string[])[] = [
  ['.......', '..###..', '.#...#.', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '.#...#.', '..###..', '.......'],
  ['.......', '...#...', '..##...', '.#.#...', '...#...', '...#...', '...#...', '...#...', '...#...', '...#...', '.#####.', '.......'],
  ['.......', '..###..', '.#...#.', '#.....#', '......#', '.....#.', '....#..', '...#...', '..#....', '.#.....', '#######', '.......'],
  ['.......', '.#####.', '#.....#', '......#', '......#', '...###.', '......#', '......#', '......#', '#.....#', '.#####.', '.......'],
  ['.......', '....##.', '...#.#.', '..#..#.', '.#...#.', '#....#.', '#######', '.....#.', '.....#.', '.....#.', '.....#.', '.......'],
  ['.......', '#######', '#......', '#......', '######.', '......#', '......#', '......#', '......#', '#.....#', '.#####.', '.......'],
  ['.......', '..####.', '.#.....', '#......', '#......', '######.', '#.....#', '#.....#', '#.....#', '#.....#', '.#####.', '.......'],
  ['.......', '#######', '......#', '.....#.', '....#..', '....#..', '...#...', '...#...', '..#....', '..#....', '..#....', '.......'],
  ['.......', '.#####.', '#.....#', '#.....#', '#.....#', '.#####.', '#.....#', '#.....#', '#.....#', '#.....#', '.#####.', '.......'],
  ['.......', '.#####.', '#.....#', '#.....#', '#.....#', '#.....#', '.######', '......#', '......#', '.....#.', '.####..', '.......'],
];

/** The codes as one [classes * 84] array, codes[i * 84 + j] for class i, unit j. Pure. */
export function rbfClassCodes(): Float32Array {
  const dim = RBF_CODE_WIDTH * RBF_CODE_HEIGHT;
  const codes = new Float32Array(RBF_DIGIT_BITMAPS.length * dim);
  RBF_DIGIT_BITMAPS.forEach((rows, i) => {
    const pixels = rows.join('');
    if (rows.length !== RBF_CODE_HEIGHT || pixels.length !== dim || /[^#.]/.test(pixels)) throw new Error(`RBF code ${i} is not a 7x12 bitmap of '#' and '.'.`);
    for (let j = 0; j < dim; j++) codes[i * dim + j] = pixels[j] === '#' ? 1 : -1;
  });
  return codes;
}
