import { useEffect, useRef } from 'preact/hooks';
import { IMAGE_SIZE } from '../../core/model-contract';
import type { Rect } from '../../core/conversion/types';
import { mapToRgba } from '../lib/popup/map-to-rgba';

const FULL: Rect = { left: 0, top: 0, width: IMAGE_SIZE, height: IMAGE_SIZE };
const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * The "Why?" map drawn over a picture: the map's `from` rectangle (input pixels) stretched over
 * the `over` rectangle of its parent (fractions of it). Decorative for screen readers: the legend
 * says in words what it shows.
 */
export function MapOverlay({ map, from = FULL, over = { left: 0, top: 0, width: 1, height: 1 }, pixelated = false }: { map: readonly number[]; from?: Rect; over?: Rect; pixelated?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(mapToRgba(map, from), from.width, from.height), 0, 0);
  }, [map, from]);
  const style = { left: percent(over.left), top: percent(over.top), width: percent(over.width), height: percent(over.height), imageRendering: pixelated ? 'pixelated' : 'auto' };
  return <canvas class="map-overlay" ref={canvas} width={from.width} height={from.height} style={style} aria-hidden="true" data-testid="map-overlay" />;
}
