import { MODEL_ID_PATTERN, MODEL_IDS } from '../../core/types';

// The packaged models' list, written by the build (modules/package-models) beside the model
// folders and read by the popup's model choice: any valid folder of artifacts/models ships
// (issue 23), so the popup cannot know the models in advance.

/** Where the build writes the list, relative to the extension's root. */
export const MODEL_CATALOG_PATH = 'models/index.json';

/** One packaged model, as the popup lists it. */
export interface ModelCatalogEntry {
  /** Its id and folder name under models/. */
  id: string;
  /** metadata.json's displayName. */
  displayName: string;
  /** Bytes of its weight files, as packaged. */
  weightBytes: number;
  /** Test accuracy (0..1) of the packaged weights, in the mode the model is run. */
  testAccuracy: number;
}

/** The trained architectures first (cnn, lenet5), then the rest by id. Pure. */
export function sortCatalog(entries: readonly ModelCatalogEntry[]): ModelCatalogEntry[] {
  const rank = (id: string) => {
    const i = (MODEL_IDS as readonly string[]).indexOf(id);
    return i < 0 ? MODEL_IDS.length : i;
  };
  return [...entries].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const isEntry = (e: unknown): e is ModelCatalogEntry => {
  const x = e as Record<string, unknown> | null;
  return (
    typeof x === 'object' && x !== null && typeof x.id === 'string' && MODEL_ID_PATTERN.test(x.id) && typeof x.displayName === 'string' && typeof x.weightBytes === 'number' && typeof x.testAccuracy === 'number'
  );
};

/** The list as read from the extension, or a sentence when it is not one (the build writes it; a damaged install says so). */
export function parseModelCatalog(json: unknown): ModelCatalogEntry[] {
  if (!Array.isArray(json) || json.length === 0 || !json.every(isEntry)) {
    throw new Error(`${MODEL_CATALOG_PATH} in the extension is not a list of models. Rebuild the extension with \`npm run build\`.`);
  }
  return json;
}
