import { capText } from './cap-text';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MIN_IMAGE_EDGE } from './image-limits';
import { CLICK_DEADLINE_MS, REQUEST_TIMEOUT_MS } from './time-limits';

// The extension's one catalogue of failures: each has its own code (what programs and tests
// recognise it by, never its wording) and its one sentence, saying what went wrong and what to
// try. The e2e tests look for these words.

const MB = 1024 * 1024;

/** What to do when the classifier page is gone or failed: said once, used by every such sentence. */
const RETRY = 'Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.';

/** Longest piece of someone else's text (a browser error) quoted inside one of our sentences. */
const MAX_QUOTED_DETAIL = 300;

/** Someone else's error text, shortened and without its final full stop, to quote in a sentence. Pure. */
export function quoteDetail(detail: string): string {
  return capText(detail.replace(/\.$/, ''), MAX_QUOTED_DETAIL);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 40);
  } catch {
    return url.slice(0, 40);
  }
}

const SENTENCES = {
  // The address
  'unsupported-url': (scheme: string) => `Fashion Lens can only read http(s), data: and blob: images; this one is a ${scheme} address. Open the image in a tab and try again.`,
  'credentials-in-url': () =>
    "This image's address has a user name or password in it (user:password@...), and browsers do not download addresses with a login written into them. Right-click a product photo with an ordinary address.",
  'no-site-access': (host: string) =>
    `Fashion Lens may not read images from ${host}: Chrome asks once per site, and it was not allowed. Right-click the image again and choose Allow, or allow the site under the extension's details on chrome://extensions.`,
  'page-site-not-allowed': (host: string) => `Fashion Lens may not read images from ${host} yet. Open the Fashion Lens popup on this tab and click "Allow and label" to allow that site.`,
  // The download
  unreachable: (url: string) => `Could not reach ${hostOf(url)} to download the image. Check your connection, reload the page and try again.`,
  'blob-unreachable': () => 'This image is a blob: address that its page no longer holds or does not share. Save the image or open it in a new tab, then try again.',
  'http-error': (status: number, statusText: string) =>
    `The server answered ${status}${statusText ? ` (${statusText})` : ''} instead of the image. The page may be out of date: reload it and try again.`,
  'needs-login': (status: number, statusText: string) =>
    `The server answered ${status}${statusText ? ` (${statusText})` : ''}: it gives this image only to some visitors, such as signed-in users. Fashion Lens downloads images without your login (it never sends your cookies), so it cannot read images behind a login. Try a product photo the shop shows without signing in.`,
  /** `target`: where it redirects, when the background saw it (fetch hides it from the downloading page). */
  'redirect-not-allowed': (url: string, target?: string) =>
    target
      ? `The image at ${hostOf(url)} redirects to ${hostOf(target)}, a site Fashion Lens has not been allowed to read. To allow it, open the image in a new tab and right-click it there: Chrome then asks whether Fashion Lens may read ${hostOf(target)}.`
      : `The image at ${hostOf(url)} redirects to another site, which Fashion Lens has not been allowed to read. To allow it, open the image in a new tab (the address bar shows that site) and right-click it there: Chrome then asks whether Fashion Lens may read it.`,
  'download-timeout': () => `The image took longer than ${REQUEST_TIMEOUT_MS / 1000} seconds to download and classify, so Fashion Lens gave up. The server may be slow: try again later.`,
  // The file
  'empty-file': (contentType: string) =>
    `The server sent an empty file (0 bytes${contentType ? `, labelled ${contentType}` : ''}) instead of the image. The image may still be loading on the page, or be missing on the server: reload the page and try again.`,
  'web-page': (contentType: string) => `That address is a web page (${contentType}), not an image. Right-click the picture itself and try again.`,
  'not-an-image': (contentType: string) => `That address is not an image (the server sent ${contentType || 'no content type'}). Right-click a product photo and try again.`,
  svg: () => 'This is an SVG drawing, not a photo: Fashion Lens classifies photos (JPEG, PNG, WebP, GIF, AVIF, BMP). Right-click a product photo instead.',
  'too-large': (bytes: number | null) => `The image file is ${bytes === null ? 'larger than' : `${(bytes / MB).toFixed(1)} MB; the limit is`} ${MAX_IMAGE_BYTES / MB} MB. Try a smaller version of the image.`,
  'too-many-pixels': (width: number, height: number) =>
    `The image is ${width} x ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels); Fashion Lens decodes at most ${MAX_IMAGE_PIXELS / 1e6} megapixels. Try a smaller version of the image.`,
  'too-small': (width: number, height: number) =>
    `The image is only ${width} x ${height} pixels, too small to show a garment (at least ${MIN_IMAGE_EDGE} x ${MIN_IMAGE_EDGE} is needed). Right-click a larger product photo.`,
  'size-unknown': (format: string) =>
    `The image's size cannot be read from its header (${format}), so Fashion Lens will not decode it: an image of unknown size can exhaust the browser's memory. Try a JPEG, PNG or WebP version of it.`,
  'decode-failed': (contentType: string) => `The image could not be decoded (${contentType || 'unknown type'}); the file may be damaged or in a format Chrome cannot read. Try another image.`,
  'shape-mismatch': (width: number, height: number, decodedWidth: number, decodedHeight: number) =>
    `The image's header says it is ${width} x ${height} pixels, but Chrome decodes it to a ${decodedWidth} x ${decodedHeight} picture, so Fashion Lens will not classify a distorted copy; the file may be damaged. Try another image.`,
  'blank-image': () =>
    'This image is blank or nearly so (a placeholder, spacer or plain swatch): nothing in it stands out from its background, so there is nothing to classify. Right-click the product photo itself; if the page is still loading it, wait until it shows and try again.',
  // The classifier
  'too-late': () => `Fashion Lens was still busy with earlier images when this one's time ran out (${CLICK_DEADLINE_MS / 1000} seconds after the click), so it gave up on it. Click the image again.`,
  'model-failed': (detail: string) =>
    `The classifier could not start (${quoteDetail(detail)}). Rebuild the extension with \`npm run build\` and reload it on chrome://extensions; if it persists, choose another backend under Settings.`,
  'classifier-gone': () => `The classifier page closed before it answered. ${RETRY}`,
  'explainer-gone': () => 'The classifier page closed before it explained the result. Close and reopen the popup to try again.',
  'no-answer': () => `The classifier did not answer within ${CLICK_DEADLINE_MS / 1000} seconds. ${RETRY}`,
  'decoder-stopped': (detail: string) => `The image decoder stopped (${quoteDetail(detail)}). ${RETRY}`,
  'storage-refused': (detail: string) => `The result could not be saved in Chrome's storage (${quoteDetail(detail)}). Clear the history in the popup, then click the image again.`,
  abandoned: () => 'This classification stopped before it finished (Fashion Lens was stopped or restarted meanwhile). Click the image again.',
  // Labelling a page
  'batch-lost': () => 'Fashion Lens stopped before it labelled this image (its background was restarted). Click "Label this page" again.',
  'page-closed-to-extensions': () =>
    'Fashion Lens cannot label this page: Chrome does not let extensions into its own pages, the Web Store or other extensions. Open a shop page and try again.',
  'page-label-failed': (detail: string) => `Fashion Lens could not start labelling this page (${quoteDetail(detail)}). Reload the page and try again.`,
  // Anything else: a fault of Fashion Lens itself
  internal: (detail: string) =>
    `Something went wrong inside Fashion Lens (${quoteDetail(detail)}). Try again; if it keeps happening, reload the extension on chrome://extensions.`,
} satisfies Record<string, (...args: never[]) => string>;

type Sentences = typeof SENTENCES;

/** Why something failed, for programs: one code per failure in the catalogue. */
export type ErrorCode = keyof Sentences;

/** The sentence of failure `code`. Pure. */
export function sentence<C extends ErrorCode>(code: C, ...args: Parameters<Sentences[C]>): string {
  return (SENTENCES[code] as (...a: Parameters<Sentences[C]>) => string)(...args);
}

/** An expected failure with the sentence the popup shows. Anything else becomes 'internal' (toFailure). */
export class ClassifyError extends Error {
  override name = 'ClassifyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Failure `code` with its sentence, to throw. */
export function fail<C extends ErrorCode>(code: C, ...args: Parameters<Sentences[C]>): ClassifyError {
  return new ClassifyError(code, sentence(code, ...args));
}
