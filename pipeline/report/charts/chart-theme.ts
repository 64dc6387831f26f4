import type { Config } from 'vega-lite';

/** Shared look of every chart: system sans-serif (no web fonts), white background, quiet grid. */
export const CHART_CONFIG: Config = {
  background: 'white',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 400 },
  title: { fontSize: 14, anchor: 'start' },
};

/** The Vega-Lite schema the specs are written against (the installed vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** What every chart spec starts with: the schema, the shared look, its size and its data rows. Pure. */
export function chartHeader(values: readonly object[], size: { width?: number; height?: number | { step: number; for: 'position' } } = {}) {
  return { $schema: VEGA_LITE_SCHEMA, config: CHART_CONFIG, ...size, data: { values: values as object[] } };
}
