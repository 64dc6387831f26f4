import { ClassifyError, quoteDetail } from '../classify-error';
import { CLICK_DEADLINE_MS } from '../time-limits';

// Failures of the classifier itself, not of the image: the model would not start, or the click's
// time ran out while earlier images were still being classified.

export const classifierErrors = {
  deadlinePassed: () =>
    new ClassifyError('timeout', `Fashion Lens was still busy with earlier images when this one's time ran out (${CLICK_DEADLINE_MS / 1000} seconds after the click), so it gave up on it. Click the image again.`),
  modelFailed: (detail: string) =>
    new ClassifyError('model-failed', `The classifier could not start (${quoteDetail(detail)}). Rebuild the extension with \`npm run build\` and reload it on chrome://extensions; if it persists, choose another backend under Settings.`),
};
