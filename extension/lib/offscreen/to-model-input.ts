import { BlankImageError } from '../../../core/conversion/blank-image-error';
import { toFashionMnist } from '../../../core/conversion/to-fashion-mnist';
import type { RgbaImage } from '../../../core/conversion/types';
import { fail } from '../failures';

/** core's Fashion-MNIST conversion of the decoded pixels; an image core refuses as blank gets the popup's sentence (code 'blank-image'). */
export function toModelInput(rgba: RgbaImage): Uint8Array {
  try {
    return toFashionMnist(rgba);
  } catch (error) {
    if (error instanceof BlankImageError) throw fail('blank-image');
    throw error;
  }
}
