import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../pipeline/report/html/escape-html.js';
import { bytes, percent, points } from '../../../../pipeline/report/html/format.js';
import { renderArchitectureTable } from '../../../../pipeline/report/html/render-architecture-table.js';
import { renderGallery } from '../../../../pipeline/report/html/render-gallery.js';
import { grayPngDataUri } from '../../../../pipeline/report/png-data-uri.js';

describe('report HTML pieces', () => {
  it('escapes text for element content and attributes', () => {
    expect(escapeHtml(`<b title="x">T-shirt/top & 'co'</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;T-shirt/top &amp; &#39;co&#39;&lt;/b&gt;');
  });

  it('formats figures', () => {
    expect(percent(0.91836)).toBe('91.84%');
    expect(bytes(5_661_608)).toBe('5.40 MiB');
    expect(bytes(67_122)).toBe('66 KiB');
    expect(bytes(6_272)).toBe('6.1 KiB');
    expect(points(-0.0004)).toBe('−0.04 pts');
  });

  it('lists layers as Keras does, with totals', () => {
    const html = renderArchitectureTable(
      [
        { name: 'standardize', type: 'Standardize', outputShape: [null, 28, 28, 1], params: 1568, trainableParams: 0 },
        { name: 'conv1', type: 'Conv2D', outputShape: [null, 28, 28, 64], params: 3200, trainableParams: 3200 },
      ],
      { total: 4768, trainable: 3200, nonTrainable: 1568 },
    );
    expect(html).toContain('<code>conv1</code> (Conv2D)');
    expect(html).toContain('(None, 28, 28, 64)');
    expect(html).toContain('>3,200<');
    expect(html).toMatch(/Total params<\/td><td class="num">4,768/);
  });

  it('draws each image as a 28x28 PNG with the truth and the top-3', () => {
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => i % 256);
    const html = renderGallery([{ index: 7, label: 6, pixels, top: [{ index: 0, label: 'T-shirt/top', probability: 0.7 }, { index: 6, label: 'Shirt', probability: 0.2 }, { index: 2, label: 'Pullover', probability: 0.05 }] }], 'mistakes');
    expect(html).toContain('#7 <b>Shirt</b>');
    expect(html).toContain('<li class="wrong"><span>T-shirt/top</span> <span class="p">70.0%</span>');
    expect(html).toContain('<li class="right"><span>Shirt</span>');
    const uri = /src="data:image\/png;base64,([^"]+)"/.exec(html)![1]!;
    const png = PNG.sync.read(Buffer.from(uri, 'base64'));
    expect([png.width, png.height]).toEqual([28, 28]);
    // The gray value of every pixel survives (pngjs decodes to RGBA).
    expect(Array.from({ length: 784 }, (_, i) => png.data[i * 4])).toEqual(Array.from(pixels));
    expect(renderGallery([], 'mistakes')).toContain('got every test image right');
    expect(() => grayPngDataUri(new Uint8Array(10))).toThrow(/784 bytes/);
  });
});
