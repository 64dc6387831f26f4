import type { ClassifyFailure } from '../types';
import type { FetchedImage } from './fetch-image-bytes';
import type { PreparedPixels } from './prepare-image';

/** The offscreen document asks the prepare worker for one image (its bytes are transferred). */
export interface PrepareAsk {
  id: number;
  fetched: FetchedImage;
  withThumbnail: boolean;
}

/**
 * The worker's answer: the prepared pixels (input and thumbnail transferred), or why not.
 * `expected` tells a ClassifyError (its code and sentence) from anything else (its message).
 */
export type PrepareAnswer = { id: number; ok: true; prepared: PreparedPixels } | { id: number; ok: false; expected: boolean; failure: ClassifyFailure };
