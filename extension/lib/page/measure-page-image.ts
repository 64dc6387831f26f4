import type { PageImageFacts } from './choose-page-images';

/**
 * Measures one <img> for chooseImage: the address the browser shows (`currentSrc`, so
 * srcset/<picture> give the size actually displayed), its box, and whether it is hidden from
 * view (display none on it or an ancestor, visibility hidden, opacity 0). Reads layout only; the
 * page is not changed.
 */
export function measurePageImage(image: HTMLImageElement): PageImageFacts {
  const box = image.getBoundingClientRect();
  const visible = image.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  return { url: image.currentSrc || image.src, renderedWidth: box.width, renderedHeight: box.height, hidden: !visible };
}
