// The model contract: the ten classes (in label order) and the 28x28 grayscale input every Fashion Lens model takes.

/** Fashion-MNIST class names, in label order (label i is CLASS_NAMES[i]). */
export const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

export type ClassName = (typeof CLASS_NAMES)[number];

/** Number of classes the models predict. */
export const NUM_CLASSES = CLASS_NAMES.length;

/** Side of the square grayscale image the models take (28x28x1). */
export const IMAGE_SIZE = 28;

/** Pixels per image (784). */
export const IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE;
