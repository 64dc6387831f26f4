import type { ClassifyRequest, ClassifyResponse } from '../messages';

/**
 * What the background asks to classify an image: the offscreen document on Chrome
 * (offscreen-classifier.ts), the background page itself on Firefox (in-page-classifier.ts), which
 * has no offscreen documents but gives its MV3 background a DOM. Both answer by the request's
 * deadline with the same results and sentences.
 */
export interface Classifier {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
}
