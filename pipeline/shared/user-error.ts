/**
 * An expected failure whose message is a sentence for people: what is wrong and what to do. The
 * CLIs print it as it is; anything else is a bug or an unforeseen failure and says how to see
 * its stack (see describe-failure.ts). Each kind has its own class and `kind`.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly kind: 'dataset' | 'checkpoint' | 'file-system' | 'no-exports' | 'native-unavailable' | 'keras-file',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
