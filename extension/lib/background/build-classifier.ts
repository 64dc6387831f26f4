import type { Classifier } from './classifier';
import { buildOffscreenClassifier } from './offscreen-classifier';

/**
 * The classifier for the browser this build is for: WXT sets import.meta.env.FIREFOX at build
 * time, so each build keeps only its own branch (the Chrome service worker gets no tfjs; the
 * Firefox background page creates no offscreen document).
 */
export function buildClassifier(): Classifier {
  if (!import.meta.env.FIREFOX) return buildOffscreenClassifier();
  let service: Promise<Classifier> | null = null;
  const inPage = () => (service ??= import('./in-page-classifier').then((m) => m.buildInPageClassifier()));
  return {
    classify: async (request) => (await inPage()).classify(request),
    explain: async (request) => (await inPage()).explain(request),
  };
}
