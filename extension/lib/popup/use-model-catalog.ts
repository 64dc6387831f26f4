import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MODEL_CATALOG_PATH, parseModelCatalog, type ModelCatalogEntry } from '../model-catalog';

/** The packaged models' list (models/index.json, written by the build), or the sentence saying why it could not be read. */
export function useModelCatalog(): { models?: ModelCatalogEntry[]; error?: string } {
  const [state, setState] = useState<{ models?: ModelCatalogEntry[]; error?: string }>({});
  useEffect(() => {
    fetch(browser.runtime.getURL(`/${MODEL_CATALOG_PATH}`))
      .then((response) => response.json())
      .then(
        (json) => setState({ models: parseModelCatalog(json) }),
        (error: Error) => setState({ error: error.message.startsWith(MODEL_CATALOG_PATH) ? error.message : `The list of models could not be read (${error.message}). Rebuild the extension with \`npm run build\`.` }),
      );
  }, []);
  return state;
}
