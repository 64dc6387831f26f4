/** A dataset problem the user can fix; the CLI prints its message without a stack. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
