/**
 * The pipeline's catalogue of expected failures, one kind each: what the user can fix, said in one
 * sentence (what is wrong, what to do). Recognised by type (UserError and its kind), never by wording.
 */
export const FAILURE_KINDS = {
  usage: 'a bad command line (a flag, its value, an argument)',
  dataset: 'the Fashion-MNIST files: missing, damaged, not downloadable',
  checkpoint: 'an epoch checkpoint from another run, or damaged',
  'file-system': 'a folder or file that cannot be written or read (read-only, full, no permission, in the way)',
  'model-folder': 'an exported model folder with a file missing or not what it should be',
  'shop-photos': 'the real shop photos the pipeline checks every model on: missing, unlisted, not decodable',
  'no-exports': 'nothing exported yet where the report looks',
  'native-unavailable': 'no native TensorFlow for tfjs-node',
  'keras-file': 'a Keras file the converter cannot read or convert',
  'graph-engine': 'the graph training engine: its addon not built, or a layer or loss it cannot express',
} as const;
export type FailureKind = keyof typeof FAILURE_KINDS;

/**
 * An expected failure whose message is a sentence for people: what is wrong and what to do. The
 * CLIs print it as it is; anything else is a bug or an unforeseen failure and says how to see
 * its stack (see describe-failure.ts). Its `kind` says which of FAILURE_KINDS it is; some kinds have a class of their own.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
