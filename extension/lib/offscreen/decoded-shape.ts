/** A width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * How to ask createImageBitmap for a decode at most `target` in size when the header says the
 * image shows at `shown`: nothing when no reduction is needed; otherwise only the shown shorter
 * edge's target, so the browser keeps the aspect ratio it shows. Were the browser to show the
 * picture turned the other way from what the header reader says, the bitmap then comes out
 * smaller than planned, never larger, and its shape gives the turn away (decodedShape). Pure.
 */
export function resizeRequest(shown: Size, target: Size): { resizeWidth: number } | { resizeHeight: number } | undefined {
  if (target.width === shown.width && target.height === shown.height) return undefined;
  return shown.width <= shown.height ? { resizeWidth: target.width } : { resizeHeight: target.height };
}

/**
 * Whether a decoded bitmap has the shape the header promised ('as-promised'), the promised shape
 * turned a quarter ('turned': the browser applied an orientation the header reader did not see, or
 * ignored one it did), or neither ('mismatch'). `request` is what resizeRequest asked for; the
 * browser rounds the edge it computes, so a pixel either way is the same shape. Pure.
 */
export function decodedShape(shown: Size, request: ReturnType<typeof resizeRequest>, bitmap: Size): 'as-promised' | 'turned' | 'mismatch' {
  const fits = (expected: Size) => {
    if (!request) return bitmap.width === expected.width && bitmap.height === expected.height;
    if ('resizeWidth' in request) return bitmap.width === request.resizeWidth && Math.abs(bitmap.height - (request.resizeWidth * expected.height) / expected.width) <= 1;
    return bitmap.height === request.resizeHeight && Math.abs(bitmap.width - (request.resizeHeight * expected.width) / expected.height) <= 1;
  };
  if (fits(shown)) return 'as-promised';
  if (fits({ width: shown.height, height: shown.width })) return 'turned';
  return 'mismatch';
}
