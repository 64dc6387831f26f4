import { UserError } from '../shared/user-error.js';

/** A dataset problem the user can fix; the CLI prints its message without a stack. */
export class DatasetError extends UserError {
  override name = 'DatasetError';
  constructor(message: string, options?: ErrorOptions) {
    super('dataset', message, options);
  }
}
