/**
 * The popup's thumbnail: the small bitmap the prepare worker made (at most THUMBNAIL_EDGE), on
 * white, as a JPEG data: URL, encoded by a DOM canvas's synchronous toDataURL in the offscreen
 * document. Not OffscreenCanvas.convertToBlob: in the offscreen document, which is never visible,
 * Chrome defers that encoding to an idle task that runs only after its 1 s deadline whenever no
 * extension page is on screen (measured in Chromium 156: 1,002-1,007 ms for every image, against
 * about 1 ms with the popup open), which cost every right-click with the popup closed a second.
 * Closes the bitmap.
 */
export function thumbnailUrl(bitmap: ImageBitmap): string {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the offscreen document could not create a 2D canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/jpeg', 0.85);
  } finally {
    bitmap.close();
  }
}
