import type { TopLevelSpec } from 'vega-lite';
import { chartHeader } from './chart-theme.js';

/** One bar: a category (a row of the chart), a series (one bar per series in each row) and a value 0..1. */
export interface GroupedBar {
  category: string;
  series: string;
  /** 0..1, drawn as the bar. */
  value: number;
  /** 0..1 and >= value, drawn as a lighter bar behind it (e.g. top-3 behind top-1); absent: none. */
  outer?: number;
  /** Written at the end of the bar. */
  text: string;
}

/** `hex` (#rrggbb) mixed with white: `amount` 0 keeps it, 1 is white. Pure. */
export function lighten(hex: string, amount: number): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) * (1 - amount) + 255 * amount);
  return `#${[0, 1, 2].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/** What a grouped bar chart shows. */
export interface GroupedBarsInput {
  bars: readonly GroupedBar[];
  /** Categories top to bottom. */
  categories: readonly string[];
  /** Series in bar order, with their colours. */
  series: readonly string[];
  colours: readonly string[];
  /** The x axis' title. */
  xTitle: string;
  /** Pixels per bar (default 9). */
  barHeight?: number;
  /** Width of the plot in pixels (default 380). */
  width?: number;
}

/**
 * Horizontal bars, one row per category with one bar per series side by side (coloured by series,
 * the same colours in every chart), 0..100% on x, each bar's text at its end; with `outer`, a bar in
 * a lighter shade of the same colour behind. Pure.
 */
export function groupedBarsSpec(input: GroupedBarsInput): TopLevelSpec {
  const { bars, categories, series, colours, xTitle } = input;
  const barHeight = input.barHeight ?? 9;
  const y = { field: 'category', type: 'nominal' as const, sort: [...categories], title: null, axis: { labelLimit: 300 } };
  const yOffset = { field: 'series', type: 'nominal' as const, sort: [...series] };
  const color = { field: 'series', type: 'nominal' as const, title: null, sort: [...series], scale: { domain: [...series], range: [...colours] }, legend: { orient: 'bottom' as const, direction: 'vertical' as const } };
  const x = (field: string) => ({ field, type: 'quantitative' as const, title: xTitle, scale: { domain: [0, 1] }, axis: { format: '.0%' } });
  const tooltip = [{ field: 'category' }, { field: 'series' }, { field: 'text' }];
  const hasOuter = bars.some((b) => b.outer !== undefined);
  return {
    ...chartHeader(bars.map((b) => ({ ...b, end: Math.max(b.value, b.outer ?? 0) })), { width: input.width ?? 380, height: { step: barHeight * series.length + 8, for: 'position' } }),
    encoding: { y, yOffset },
    layer: [
      // The outer bar in a lighter shade of its series' colour (its own scale, kept out of the legend).
      ...(hasOuter ? [{ mark: { type: 'bar' as const }, encoding: { x: x('outer'), color: { ...color, scale: { domain: [...series], range: colours.map((c) => lighten(c, 0.6)) }, legend: null }, tooltip } }] : []),
      { mark: { type: 'bar' }, encoding: { x: x('value'), color, tooltip } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 }, encoding: { x: x('end'), text: { field: 'text', type: 'nominal' } } },
    ],
    ...(hasOuter ? { resolve: { scale: { color: 'independent' as const }, legend: { color: 'independent' as const } } } : {}),
  };
}
