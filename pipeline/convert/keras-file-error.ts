import { UserError } from '../shared/user-error.js';

/** A Keras file the converter cannot take, with a sentence naming the file, what is wrong and what to do. */
export class KerasFileError extends UserError {
  override name = 'KerasFileError';
  constructor(message: string, options?: ErrorOptions) {
    super('keras-file', message, options);
  }
}
