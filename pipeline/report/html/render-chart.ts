import { escapeHtml } from './escape-html.js';

/** A rendered chart: its caption and SVG markup. */
export interface RenderedChart {
  /** What the chart shows. */
  caption: string;
  /** The SVG markup (also written beside index.html as <name>.svg). */
  svg: string;
}

/**
 * A chart inline in the page (no request, so the report works from file://), captioned, with a
 * link to its standalone .svg. An absent chart renders as nothing.
 */
export function renderChart(name: string, charts: ReadonlyMap<string, RenderedChart>): string {
  const chart = charts.get(name);
  if (!chart) return '';
  return `<figure class="chart" id="${escapeHtml(name)}">${chart.svg}<figcaption>${escapeHtml(chart.caption)} · <a href="${escapeHtml(name)}.svg">${escapeHtml(name)}.svg</a></figcaption></figure>`;
}
