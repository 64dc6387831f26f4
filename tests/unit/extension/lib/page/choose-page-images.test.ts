import { describe, expect, it } from 'vitest';
import { chooseImage, planPageImages, type PageImageFacts } from '../../../../../extension/lib/page/choose-page-images';

const photo = (url: string, width = 240, height = 320): PageImageFacts => ({ url, renderedWidth: width, renderedHeight: height, hidden: false });

describe('chooseImage', () => {
  it('takes a product-sized photo by the address the browser shows', () => {
    expect(chooseImage(photo(' https://cdn.shop.example/a.jpg '))).toEqual({ take: true, url: 'https://cdn.shop.example/a.jpg' });
    expect(chooseImage(photo('https://cdn.shop.example/a.jpg', 64, 64)).take).toBe(true);
  });

  it('skips icons, tracking pixels, banners, hidden images and images with no address yet', () => {
    expect(chooseImage(photo('https://s.example/cart.svg', 24, 24))).toEqual({ take: false, reason: 'too-small' });
    expect(chooseImage(photo('https://s.example/px.gif', 1, 1))).toEqual({ take: false, reason: 'too-small' });
    expect(chooseImage(photo('https://s.example/a.jpg', 63, 400))).toEqual({ take: false, reason: 'too-small' });
    expect(chooseImage(photo('https://s.example/logo.png', 600, 120))).toEqual({ take: false, reason: 'not-product-shaped' });
    expect(chooseImage({ ...photo('https://s.example/a.jpg'), hidden: true })).toEqual({ take: false, reason: 'hidden' });
    expect(chooseImage(photo('https://s.example/a.jpg', 0, 0))).toEqual({ take: false, reason: 'hidden' });
    expect(chooseImage(photo(''))).toEqual({ take: false, reason: 'no-address' });
    expect(chooseImage(photo('about:blank'))).toEqual({ take: false, reason: 'no-address' });
  });
});

describe('planPageImages', () => {
  it('classifies each distinct address once, in page order', () => {
    const plan = planPageImages([photo('https://a/1.jpg'), photo('https://a/icon.png', 16, 16), photo('https://a/2.jpg'), photo('https://a/1.jpg')]);
    expect(plan.urls).toEqual(['https://a/1.jpg', 'https://a/2.jpg']);
    expect(plan.choices.map((c) => c.take)).toEqual([true, false, true, true]);
    expect(plan.overCap).toBe(0);
  });

  it('classifies only new addresses on a later pass (lazy loading, load more)', () => {
    const plan = planPageImages([photo('https://a/1.jpg'), photo('https://a/3.jpg')], new Set(['https://a/1.jpg', 'https://a/2.jpg']));
    expect(plan.urls).toEqual(['https://a/3.jpg']);
  });

  it('stops at the cap, counting what was left out once per address', () => {
    const images = Array.from({ length: 5 }, (_, i) => photo(`https://a/${i}.jpg`));
    const plan = planPageImages([...images, photo('https://a/4.jpg')], new Set(['https://a/known.jpg']), 3);
    expect(plan.urls).toEqual(['https://a/0.jpg', 'https://a/1.jpg']);
    expect(plan.overCap).toBe(3);
    expect(plan.choices.at(-1)).toEqual({ take: false, reason: 'over-cap' });
  });
});
