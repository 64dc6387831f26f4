import { ClassifyError } from '../classify-error';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MIN_IMAGE_EDGE } from '../image-limits';
import { REQUEST_TIMEOUT_MS } from '../time-limits';

// Every sentence says what went wrong and what to try; the e2e tests look for these words.

const MB = 1024 * 1024;

function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 40);
  } catch {
    return url.slice(0, 40);
  }
}

export const imageErrors = {
  unsupportedUrl: (scheme: string) =>
    new ClassifyError('unsupported-url', `Fashion Lens can only read http(s), data: and blob: images; this one is a ${scheme} address. Open the image in a tab and try again.`),
  unreachable: (url: string) =>
    new ClassifyError('unreachable', `Could not reach ${hostOf(url)} to download the image. Check your connection, reload the page and try again.`),
  blobUnreachable: () =>
    new ClassifyError('blob-unreachable', 'This image is a blob: address that its page no longer holds or does not share. Save the image or open it in a new tab, then try again.'),
  httpError: (status: number, statusText: string) =>
    new ClassifyError('http-error', `The server answered ${status}${statusText ? ` (${statusText})` : ''} instead of the image. The page may be out of date: reload it and try again.`),
  needsLogin: (status: number, statusText: string) =>
    new ClassifyError('needs-login', `The server answered ${status}${statusText ? ` (${statusText})` : ''}: it gives this image only to some visitors, such as signed-in users. Fashion Lens downloads images without your login (it never sends your cookies), so it cannot read images behind a login. Try a product photo the shop shows without signing in.`),
  /** `target`: where it redirects, when the background saw it (fetch hides it from the downloading page). */
  redirectNotAllowed: (url: string, target?: string) =>
    new ClassifyError(
      'redirect-not-allowed',
      target
        ? `The image at ${hostOf(url)} redirects to ${hostOf(target)}, a site Fashion Lens has not been allowed to read. To allow it, open the image in a new tab and right-click it there: Chrome then asks whether Fashion Lens may read ${hostOf(target)}.`
        : `The image at ${hostOf(url)} redirects to another site, which Fashion Lens has not been allowed to read. To allow it, open the image in a new tab (the address bar shows that site) and right-click it there: Chrome then asks whether Fashion Lens may read it.`,
    ),
  credentialsInUrl: () =>
    new ClassifyError('unsupported-url', 'This image\'s address has a user name or password in it (user:password@...), and browsers do not download addresses with a login written into them. Right-click a product photo with an ordinary address.'),
  emptyFile: (contentType: string) =>
    new ClassifyError('empty-file', `The server sent an empty file (0 bytes${contentType ? `, labelled ${contentType}` : ''}) instead of the image. The image may still be loading on the page, or be missing on the server: reload the page and try again.`),
  webPage: (contentType: string) =>
    new ClassifyError('web-page', `That address is a web page (${contentType}), not an image. Right-click the picture itself and try again.`),
  notAnImage: (contentType: string) =>
    new ClassifyError('not-an-image', `That address is not an image (the server sent ${contentType || 'no content type'}). Right-click a product photo and try again.`),
  svg: () =>
    new ClassifyError('svg', 'This is an SVG drawing, not a photo: Fashion Lens classifies photos (JPEG, PNG, WebP, GIF, AVIF, BMP). Right-click a product photo instead.'),
  tooLarge: (bytes: number | null) =>
    new ClassifyError('too-large', `The image file is ${bytes === null ? 'larger than' : `${(bytes / MB).toFixed(1)} MB; the limit is`} ${MAX_IMAGE_BYTES / MB} MB. Try a smaller version of the image.`),
  tooManyPixels: (width: number, height: number) =>
    new ClassifyError('too-many-pixels', `The image is ${width} x ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels); Fashion Lens decodes at most ${MAX_IMAGE_PIXELS / 1e6} megapixels. Try a smaller version of the image.`),
  tooSmall: (width: number, height: number) =>
    new ClassifyError('too-small', `The image is only ${width} x ${height} pixels, too small to show a garment (at least ${MIN_IMAGE_EDGE} x ${MIN_IMAGE_EDGE} is needed). Right-click a larger product photo.`),
  sizeUnknown: (format: string) =>
    new ClassifyError('size-unknown', `The image's size cannot be read from its header (${format}), so Fashion Lens will not decode it: an image of unknown size can exhaust the browser's memory. Try a JPEG, PNG or WebP version of it.`),
  decodeFailed: (contentType: string) =>
    new ClassifyError('decode-failed', `The image could not be decoded (${contentType || 'unknown type'}); the file may be damaged or in a format Chrome cannot read. Try another image.`),
  shapeMismatch: (width: number, height: number, decodedWidth: number, decodedHeight: number) =>
    new ClassifyError('decode-failed', `The image's header says it is ${width} x ${height} pixels, but Chrome decodes it to a ${decodedWidth} x ${decodedHeight} picture, so Fashion Lens will not classify a distorted copy; the file may be damaged. Try another image.`),
  blank: () =>
    new ClassifyError('blank-image', 'This image is blank or nearly so (a placeholder, spacer or plain swatch): nothing in it stands out from its background, so there is nothing to classify. Right-click the product photo itself; if the page is still loading it, wait until it shows and try again.'),
  timeout: () =>
    new ClassifyError('timeout', `The image took longer than ${REQUEST_TIMEOUT_MS / 1000} seconds to download and classify, so Fashion Lens gave up. The server may be slow: try again later.`),
};
