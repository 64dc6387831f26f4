import * as v from 'valibot';
import { ModelContractError } from '../model-contract-error.js';
import { problemSentence } from './json-rules.js';
import { ModelMetadataSchema, type ModelMetadata } from './model-metadata-schema.js';

/** Problems listed in one error; the rest are counted (a wrong 10x10 matrix would be 100 lines). */
const MAX_LISTED = 12;

/**
 * Validates a parsed metadata.json against its schema (ModelMetadataSchema) and returns it typed (the same object).
 * Throws one Error naming the file (`where`) and every problem with its JSON path, e.g.
 * "artifacts/models/cnn/metadata.json is not valid model metadata: metrics.testAccuracy must be a
 * number between 0 and 1 (got 1.5); classNames must equal [...]". The pipeline runs it before
 * writing and the extension before loading, so both sides agree on one schema.
 */
export function parseModelMetadata(json: unknown, where: string): ModelMetadata {
  const result = v.safeParse(ModelMetadataSchema, json);
  // The input itself, not valibot's copy: the same object, its keys in the order they were written.
  if (result.success) return json as ModelMetadata;
  const problems = result.issues.map(problemSentence);
  const listed = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more problems` : '';
  throw new ModelContractError(`${where} is not valid model metadata: ${listed}${more}. Re-export the model with \`npm run pipeline\` (and rebuild the extension with \`npm run build\`).`);
}
