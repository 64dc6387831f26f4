import type { Prediction } from '../types';
import type { ClassifyFailure } from '../types';

/** What the page shows for one image address: waiting, its top 3, or why it has none. */
export type PageLabel = { state: 'pending' } | { state: 'done'; top3: Prediction[] } | { state: 'error'; error: ClassifyFailure };
