/** Largest image file Fashion Lens downloads (bytes). Product photos are well under 5 MB. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Largest image it decodes: 25 megapixels (e.g. 5000 x 5000) keeps decoding under ~100 MB of RAM. */
export const MAX_IMAGE_PIXELS = 25_000_000;

/** Smallest edge it accepts: below this there is no garment to see (1x1 images are trackers). */
export const MIN_IMAGE_EDGE = 16;

/**
 * Images are decoded with their longest edge reduced to this (smoothly, by the browser's
 * high-quality resampler) before core's conversion, which then trims and reduces to 28.
 * Keeps the conversion fast on 20-megapixel photos without changing what the model sees.
 */
export const DECODE_MAX_EDGE = 1024;

/** Longest edge of the thumbnail kept with each result for the popup. */
export const THUMBNAIL_EDGE = 160;
