import type { ExplainResponse, OffscreenExplainRequest } from '../explain-messages';
import type { ClassifyRequest, ClassifyResponse } from '../messages';

/**
 * What the background asks to classify an image: the offscreen document on Chrome
 * (offscreen-classifier.ts), the background page itself on Firefox (in-page-classifier.ts), which
 * has no offscreen documents but gives its MV3 background a DOM. Both answer by the request's
 * deadline with the same results and sentences.
 */
export interface Classifier {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
  /** The popup's "Why?": the map of a classified input, where the model is loaded. */
  explain(request: OffscreenExplainRequest): Promise<ExplainResponse>;
}
