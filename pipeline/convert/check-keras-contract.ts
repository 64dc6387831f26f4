import { IMAGE_SIZE, NUM_CLASSES } from '../../core/model-contract.js';
import { KerasFileError } from './keras-file-error.js';
import type { KerasGraph } from './read-keras-config.js';

const shapeText = (shape: readonly (number | null)[]) => `(${shape.map((d) => (d === null ? 'None' : d)).join(', ')})`;
const OUR_INPUT = `one ${IMAGE_SIZE}x${IMAGE_SIZE}x1 image, shape (None, ${IMAGE_SIZE}, ${IMAGE_SIZE}, 1)`;

/** Throws a KerasFileError unless the model takes one 28x28x1 image (Fashion-MNIST's), batch first. Pure. */
export function checkKerasInput(graph: KerasGraph, where: string): void {
  const shape = graph.input.shape;
  if (JSON.stringify(shape.slice(1)) !== JSON.stringify([IMAGE_SIZE, IMAGE_SIZE, 1])) {
    throw new KerasFileError(
      `${where} takes input of shape ${shapeText(shape)}; Fashion Lens models take ${OUR_INPUT}. ` +
        'The converter does not resize models: train one on 28x28 grayscale images with input_shape=(28, 28, 1).',
    );
  }
}

/** Throws a KerasFileError unless the model's output is 10 class probabilities (Fashion-MNIST's classes, in label order). Pure. */
export function checkKerasOutput(shape: readonly (number | null)[], where: string): void {
  if (shape.length !== 2 || shape[1] !== NUM_CLASSES) {
    throw new KerasFileError(
      `${where} outputs shape ${shapeText(shape)}; Fashion Lens models output ${NUM_CLASSES} class probabilities, shape (None, ${NUM_CLASSES}), ` +
        'in Fashion-MNIST\'s label order (T-shirt/top ... Ankle boot). The converter does not take other class lists.',
    );
  }
}

/**
 * How the model's last layer ends: 'softmax' (probabilities, as Fashion Lens expects) or 'linear'
 * (logits, e.g. a model trained with from_logits=True: the conversion adds the softmax). Throws a
 * KerasFileError for any other ending. Pure.
 */
export function outputActivation(graph: KerasGraph, where: string): 'softmax' | 'linear' {
  const last = graph.layers.find((l) => l.name === graph.output);
  const activation = last?.config.activation ?? (last?.className === 'Activation' ? undefined : 'linear');
  if (activation === 'softmax' || activation === 'linear') return activation;
  throw new KerasFileError(
    `${where}: its output layer '${graph.output}' (${last?.className}) ends in ${JSON.stringify(activation ?? 'no activation')}; ` +
      'the converter takes models that end in a softmax (or in linear logits, to which it adds the softmax).',
  );
}
