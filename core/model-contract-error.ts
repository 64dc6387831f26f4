/**
 * A model folder that breaks the contract (metadata that fails the schema, weights that do not
 * match their hash, a model of the wrong shape): its message says what is wrong and what to do,
 * so programs show it as it is, without a stack trace.
 */
export class ModelContractError extends Error {
  override name = 'ModelContractError';
}
