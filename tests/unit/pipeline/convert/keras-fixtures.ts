import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KerasInput } from '../../../../core/types.js';

/** Where pipeline/convert/make_keras_fixtures.py wrote the small Keras models (committed). */
export const KERAS_FIXTURES = join(import.meta.dirname, '../../../fixtures/keras');

export const fixturePath = (name: string) => join(KERAS_FIXTURES, name);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));

/** Keras' own outputs for a good fixture: the first 100 test images, fed as `input` says. */
export interface KerasOutputs {
  input: KerasInput;
  testImages: number;
  outputs: number[][];
}

export const kerasOutputs = (model: string): KerasOutputs => JSON.parse(readFileSync(fixturePath(`${model}.outputs.json`), 'utf8')) as KerasOutputs;

/** The good fixtures, each saved in both formats. */
export const GOOD_MODELS = ['lenet5-unit', 'bn-raw', 'functional-seed'] as const;
