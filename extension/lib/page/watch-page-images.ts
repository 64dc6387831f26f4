/**
 * Calls `onChange` (at most once per animation frame) whenever the page may hold images not seen
 * yet: an <img> added (lazy loading, "load more", infinite scroll), its src/srcset changed (a lazy
 * loader swapping a placeholder for the photo) or an image finished loading. The caller measures
 * again and classifies what is new. Returns the function that stops watching.
 */
export function watchPageImages(root: Document, onChange: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' || [...record.addedNodes].some((node) => node instanceof Element && (node.tagName === 'IMG' || node.querySelector('img')))) {
        schedule();
        return;
      }
    }
  });
  observer.observe(root.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'srcset', 'sizes', 'style', 'class', 'hidden'] });
  // 'load' does not bubble: listen in the capture phase to hear every image that finishes loading.
  const onLoad = (event: Event) => {
    if (event.target instanceof HTMLImageElement) schedule();
  };
  root.addEventListener('load', onLoad, true);
  root.defaultView?.addEventListener('resize', schedule);
  return () => {
    observer.disconnect();
    root.removeEventListener('load', onLoad, true);
    root.defaultView?.removeEventListener('resize', schedule);
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
