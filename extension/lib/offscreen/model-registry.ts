import type { LoadedFashionModel } from '../../../core/model-loader';

/** Loaded models, each loaded once per backend. */
export interface ModelRegistry {
  /** The model, loading and warming it on first use; a failed load is retried next time. */
  get(id: string): Promise<LoadedFashionModel>;
  /** Frees every loaded model (before switching backend). */
  dispose(): Promise<void>;
}

/** Builds the registry around a loader (loadPackagedModel in the extension, a fake in unit tests). */
export function buildModelRegistry(load: (id: string) => Promise<LoadedFashionModel>): ModelRegistry {
  const loading = new Map<string, Promise<LoadedFashionModel>>();
  return {
    get(id) {
      let promise = loading.get(id);
      if (!promise) {
        promise = load(id);
        loading.set(id, promise);
        promise.catch(() => loading.delete(id));
      }
      return promise;
    },
    async dispose() {
      const pending = [...loading.values()];
      loading.clear();
      for (const result of await Promise.allSettled(pending)) {
        if (result.status === 'fulfilled') result.value.model.dispose();
      }
    },
  };
}
