import { describe, expect, it } from 'vitest';
import { ClassifyError } from '../../../../../extension/lib/failures';
import { MAX_IMAGE_PIXELS, MIN_IMAGE_EDGE } from '../../../../../extension/lib/image-limits';
import { checkImageHeader, checkImageSize, mimeOf } from '../../../../../extension/lib/offscreen/check-image';

function failure(run: () => void): ClassifyError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClassifyError) return error;
    throw error;
  }
  throw new Error('expected a ClassifyError');
}

describe('checkImageHeader', () => {
  it('trusts the bytes over a generic Content-Type', () => {
    expect(checkImageHeader('application/octet-stream', { format: 'jpeg', width: 600, height: 400, exact: true })).toEqual({ format: 'jpeg', width: 600, height: 400, exact: true });
    expect(() => checkImageHeader(null, { format: 'png', width: 10, height: 10 })).not.toThrow();
  });

  it('refuses an image type whose bytes it cannot measure, rather than decode it blind', () => {
    const error = failure(() => checkImageHeader('image/x-icon; charset=binary', { format: null }));
    expect(error.code).toBe('size-unknown');
    expect(error.message).toMatch(/^The image's size cannot be read from its header \(image\/x-icon\)/);
  });

  it('refuses SVG by header or by content, with its own sentence', () => {
    expect(failure(() => checkImageHeader('image/svg+xml', { format: null })).code).toBe('svg');
    const error = failure(() => checkImageHeader('text/plain', { format: 'svg' }));
    expect(error.code).toBe('svg');
    expect(error.message).toMatch(/SVG drawing, not a photo/);
  });

  it('says a web page is a web page', () => {
    const error = failure(() => checkImageHeader('text/html; charset=utf-8', { format: 'html' }));
    expect(error.code).toBe('web-page');
    expect(error.message).toBe('That address is a web page (text/html), not an image. Right-click the picture itself and try again.');
  });

  it('names what the server sent when it is not an image', () => {
    const error = failure(() => checkImageHeader('application/json', { format: null }));
    expect(error.code).toBe('not-an-image');
    expect(error.message).toContain('application/json');
    expect(failure(() => checkImageHeader(null, { format: null })).message).toContain('no content type');
  });
});

describe('checkImageSize', () => {
  it('refuses a 1x1 tracking pixel and states the minimum', () => {
    const error = failure(() => checkImageSize(1, 1));
    expect(error.code).toBe('too-small');
    expect(error.message).toContain(`at least ${MIN_IMAGE_EDGE} x ${MIN_IMAGE_EDGE}`);
  });

  it('refuses 40 megapixels and states the limit', () => {
    const error = failure(() => checkImageSize(8000, 5000));
    expect(error.code).toBe('too-many-pixels');
    expect(error.message).toBe(`The image is 8000 x 5000 pixels (40.0 megapixels); Fashion Lens decodes at most ${MAX_IMAGE_PIXELS / 1e6} megapixels. Try a smaller version of the image.`);
  });

  it('accepts the limits themselves', () => {
    expect(() => checkImageSize(MIN_IMAGE_EDGE, MIN_IMAGE_EDGE)).not.toThrow();
    expect(() => checkImageSize(5000, 5000)).not.toThrow();
  });
});

describe('mimeOf', () => {
  it('drops parameters and case', () => {
    expect(mimeOf('Image/JPEG; q=1')).toBe('image/jpeg');
    expect(mimeOf(null)).toBe('');
  });
});

describe('checkImageHeader on sizes', () => {
  it('passes on the size the header states', () => {
    expect(checkImageHeader('image/jpeg', { format: 'jpeg', width: 600, height: 400, exact: true })).toEqual({ format: 'jpeg', width: 600, height: 400, exact: true });
  });

  it('refuses a photo whose header does not state its size, naming the format', () => {
    const error = failure(() => checkImageHeader('image/avif', { format: 'avif' }));
    expect(error.code).toBe('size-unknown');
    expect(error.message).toMatch(/\(avif\), so Fashion Lens will not decode it/);
  });
});
