import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { estimateTextWidth } from './text-width.js';

/** The text items Vega asks the width of (the fields the estimate reads). */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Vega, rendering without a canvas, estimates every text as 0.8 em per character: nearly twice the
 * real width of most labels, so charts kept wide empty margins and cut labels short. Vega lets a
 * headless renderer supply its own measure (as vl-convert does): this one uses the widths of the
 * font the page names (see text-width.ts).
 */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
textMetrics.width = (item, text) => {
  const value = text ?? item.text ?? '';
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  const lines = Array.isArray(value) ? value.map(String) : [String(value)];
  return Math.max(0, ...lines.map((line) => estimateTextWidth(line, item.fontSize ?? 11, bold)));
};

/**
 * Renders a Vega-Lite spec to a standalone SVG string in Node (Vega's headless view, no canvas,
 * no DOM, no network: every spec carries its data inline). Vega numbers its clip paths and
 * gradients; `idPrefix` makes those ids unique so several charts can sit inline in one page.
 */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`).replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`);
  } finally {
    view.finalize();
  }
}
