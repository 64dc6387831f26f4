import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { IMAGE_SIZE } from '../../core/model-contract';

/** The 28x28 grayscale input the model saw, drawn pixel for pixel and enlarged without smoothing; `children` are drawn over it (the "Why?" map). */
export function InputPreview({ pixels, children }: { pixels: readonly number[]; children?: ComponentChildren }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(IMAGE_SIZE, IMAGE_SIZE);
    pixels.forEach((value, i) => {
      image.data.set([value, value, value, 255], i * 4);
    });
    context.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <figure class="input-preview">
      <div class="overlaid">
        <canvas ref={canvas} width={IMAGE_SIZE} height={IMAGE_SIZE} role="img" aria-label="The 28 by 28 grayscale image the model saw" />
        {children}
      </div>
      <figcaption>What the model saw (28 × 28)</figcaption>
    </figure>
  );
}
