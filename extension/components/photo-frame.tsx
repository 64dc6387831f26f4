import type { ComponentChildren } from 'preact';
import type { ClassifyResult } from '../lib/types';

/**
 * The thumbnail in a frame of its own proportions (at most 7rem a side), so what is drawn over it
 * in fractions of its size (`children`: the "Why?" map) lands on the same part of the photo.
 */
export function PhotoFrame({ result, children }: { result: Pick<ClassifyResult, 'thumbnail' | 'imageWidth' | 'imageHeight'>; children?: ComponentChildren }) {
  const { imageWidth: width, imageHeight: height } = result;
  const style = { aspectRatio: `${width} / ${height}`, width: width >= height ? '7rem' : 'auto', height: height > width ? '7rem' : 'auto' };
  return (
    <div class={`photo-frame overlaid${children ? ' explaining' : ''}`} style={style}>
      <img class="photo" src={result.thumbnail} alt={`The image you chose (${width} × ${height})`} />
      {children}
    </div>
  );
}
