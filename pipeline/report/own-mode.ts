import type { ModelMetadata, RobustnessResult, ShopPhotoMetrics, TopAccuracy } from '../../core/types.js';

/** A suite result in the mode the model is meant to be run in (metadata.prediction). */
export const ownAccuracy = (r: RobustnessResult, m: Pick<ModelMetadata, 'prediction'>) => (m.prediction.mirrorAverage ? r.mirrorAveragedAccuracy : r.accuracy);

/** The real-photo figures over all photos in the mode the model is meant to be run in. */
export const ownPhotos = (s: ShopPhotoMetrics, m: Pick<ModelMetadata, 'prediction'>): TopAccuracy => (m.prediction.mirrorAverage ? s.mirrorAveraged : s.overall);
