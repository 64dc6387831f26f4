import { BlankImageError } from '../../../core/conversion/blank-image-error';
import { toFashionMnist } from '../../../core/conversion/to-fashion-mnist';
import type { RgbaImage } from '../../../core/conversion/types';
import { imageErrors } from './image-errors';

/** core's Fashion-MNIST conversion of the decoded pixels; an image core refuses as blank gets the popup's sentence (code 'blank-image'). */
export function toModelInput(rgba: RgbaImage): Uint8Array {
  try {
    return toFashionMnist(rgba);
  } catch (error) {
    if (error instanceof BlankImageError) throw imageErrors.blank();
    throw error;
  }
}
