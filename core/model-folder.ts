// The exported model folder, the contract between the pipeline (which writes it) and the
// extension (which packages and loads it): `<id>/{model.json, weights.bin, metadata.json}`.
// Pure knowledge only; the Node side reads and writes folders in pipeline/export/.

/** The tf.js layers model: topology and weightsManifest. */
export const MODEL_FILE = 'model.json';

/** The one weight shard our exports write (tfjs-node's save also writes one, named so). */
export const WEIGHTS_FILE = 'weights.bin';

/** What the model is and how it was made (core/metadata's schema). */
export const METADATA_FILE = 'metadata.json';

/**
 * The weight files a model.json refers to (its weightsManifest's paths, groups in order), relative
 * to model.json: the order tf.js reads and joins them in. Null when there is no weightsManifest
 * with at least one group, i.e. it is not a layers model with weights. Pure.
 */
export function weightPaths(modelJson: unknown): string[] | null {
  const manifest = (modelJson as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) return null;
  return manifest.flatMap((group: { paths?: unknown }) => (Array.isArray(group?.paths) ? group.paths.map(String) : []));
}
