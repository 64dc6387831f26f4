import { buildClassifierService } from '../offscreen/classifier-service';
import { buildWorkerPreparer } from '../offscreen/image-preparer';
import { loadPackagedModel } from '../offscreen/load-packaged-model';
import type { Classifier } from './classifier';

/**
 * Firefox: the offscreen document's classifier (the same service: queue, limits, checks,
 * sentences) run in the background page itself, called directly instead of by message. Firefox
 * has no offscreen documents; its MV3 background is an event page with a DOM (WebGL, WASM, and
 * workers: images are prepared in the same prepare worker). Imported on the first classification only, so waking the page for anything else
 * does not load tfjs.
 */
export function buildInPageClassifier(): Classifier {
  return buildClassifierService(loadPackagedModel, buildWorkerPreparer());
}
