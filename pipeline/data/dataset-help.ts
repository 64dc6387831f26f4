import { DATASET_DIR_ENV } from './dataset-locations.js';

/** The ways a user can give Fashion Lens the dataset, for error messages when none worked. */
export function datasetHelp(cacheDir: string): string {
  return (
    `Give it the dataset one of these ways: --data-dir <folder>; the ${DATASET_DIR_ENV} environment variable; ` +
    `\`apt-get install dataset-fashion-mnist\` (Debian/Ubuntu, installs /usr/share/datasets/fashion-mnist); ` +
    `or put the four files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, ` +
    `t10k-labels-idx1-ubyte.gz) in ${cacheDir}.`
  );
}
