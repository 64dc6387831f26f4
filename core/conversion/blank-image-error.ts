/** Why the conversion found nothing to classify. */
export type BlankReason =
  /** Every pixel lies within the trim's tolerance of the background: a blank, transparent or one-colour image. */
  | 'no-content'
  /** Something stands out, but too little to be an item (a thin rule, a hairline): see MIN_CONTENT_PIXELS. */
  | 'too-little-content';

/**
 * Thrown by toFashionMnist when the image is blank or nearly so (lazy-loading placeholders,
 * spacers, swatches): the model would label the all-black input "T-shirt/top" anyway, so the
 * conversion refuses it. Callers recognise it by type (`instanceof BlankImageError`, or
 * `kind === 'blank-image'` across realms), not by its wording: the extension shows its own
 * sentence, and page labelling counts such images as skipped.
 */
export class BlankImageError extends Error {
  override name = 'BlankImageError';
  /** Stable tag for callers that cannot use instanceof. */
  readonly kind = 'blank-image';
  constructor(
    /** Which test refused the image. */
    readonly reason: BlankReason,
    /** How many of the 784 pixels of the 28x28 input were content (0 for 'no-content'). */
    readonly contentPixels: number,
  ) {
    super(
      reason === 'no-content'
        ? 'This image is blank or nearly so: nothing in it stands out from its background, so there is nothing to classify.'
        : `This image is blank or nearly so: only ${contentPixels} of the 784 pixels of its 28x28 input show anything (a thin line, not an item), so there is nothing to classify.`,
    );
  }
}
