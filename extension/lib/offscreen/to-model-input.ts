import { BlankImageError } from '../../../core/conversion/blank-image-error';
import { toFashionMnistPlaced } from '../../../core/conversion/to-fashion-mnist';
import type { InputPlacement, RgbaImage } from '../../../core/conversion/types';
import { fail } from '../failures';

/** core's Fashion-MNIST conversion of the decoded pixels, and where it came from in them; an image core refuses as blank gets the popup's sentence (code 'blank-image'). */
export function toModelInput(rgba: RgbaImage): { pixels: Uint8Array; placement: InputPlacement } {
  try {
    return toFashionMnistPlaced(rgba);
  } catch (error) {
    if (error instanceof BlankImageError) throw fail('blank-image');
    throw error;
  }
}
