import { describe, expect, it } from 'vitest';
import { ClassifyError } from '../../../../../extension/lib/failures';
import { toModelInput } from '../../../../../extension/lib/offscreen/to-model-input';

function image(width: number, height: number, paint: (x: number, y: number) => boolean) {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (paint(x, y)) data.set([20, 20, 20, 255], (y * width + x) * 4);
  return { data, width, height };
}

describe('toModelInput', () => {
  it('refuses a blank image with the popup sentence and its own code (issue 19)', () => {
    let error: unknown;
    try {
      toModelInput(image(120, 80, () => false));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ClassifyError);
    expect((error as ClassifyError).code).toBe('blank-image');
    expect((error as ClassifyError).message).toMatch(/^This image is blank or nearly so \(a placeholder, spacer or plain swatch\).*Right-click the product photo itself/);
  });

  it('refuses a thin rule the same way, and converts an item', () => {
    expect(() => toModelInput(image(300, 100, (x, y) => y === 50 && x > 10 && x < 290))).toThrow(/blank or nearly so/);
    expect(toModelInput(image(100, 100, (x, y) => (x - 50) ** 2 + (y - 50) ** 2 < 900)).pixels).toHaveLength(784);
  });

  it('lets other conversion errors through unchanged', () => {
    expect(() => toModelInput({ data: new Uint8ClampedArray(3), width: 1, height: 1 })).toThrow(/must hold width\*height\*4 = 4 RGBA bytes/);
  });
});
