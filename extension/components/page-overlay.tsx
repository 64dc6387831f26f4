import { formatPercent } from '../lib/popup/format';
import { BADGE_WORDS } from '../lib/page/badge-words';
import type { PageLabel } from '../lib/page/page-label';

/** Where an image sits on the page, in document coordinates (CSS px). */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One labelled image as the overlay draws it. */
export interface OverlayItem {
  /** Stable per image element. */
  key: number;
  box: PageBox;
  label: PageLabel;
}

/**
 * What "Label this page" draws over the page, inside its shadow root: a badge at each labelled
 * image's top-left corner (top-1 and its percentage; hover or focus shows the top 3; an image
 * that could not be classified says why in a few words, the sentence on hover and to screen
 * readers), and, while a class filter is picked, an outline round that class's images and a veil
 * over the others. Everything is absolutely placed in one layer that takes no space on the
 * page, so the page's own layout and styles are never touched.
 */
export function PageOverlay({ items, filter }: { items: readonly OverlayItem[]; filter: string | null }) {
  return (
    <div class="layer">
      {filter !== null &&
        items.map(({ key, box, label }) =>
          label.state === 'pending' ? null : (
            <div
              key={`f${key}`}
              class={label.state === 'done' && label.top3[0]?.label === filter ? 'match' : 'veil'}
              style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
            />
          ),
        )}
      {items.map(({ key, box, label }) => (label.state === 'pending' ? null : <Badge key={key} id={key} box={box} label={label} />))}
    </div>
  );
}

function Badge({ id, box, label }: { id: number; box: PageBox; label: Exclude<PageLabel, { state: 'pending' }> }) {
  const place = { left: `${box.left + 4}px`, top: `${box.top + 4}px` };
  const tip = `fl-tip-${id}`;
  if (label.state === 'error') {
    return (
      <span class="badge failed" style={place} tabIndex={0} role="note" aria-label={`Fashion Lens: not labelled. ${label.error.message}`}>
        {BADGE_WORDS[label.error.code] ?? 'not labelled'}
        <span class="tip" id={tip} aria-hidden="true">
          {label.error.message}
        </span>
      </span>
    );
  }
  const [top1] = label.top3;
  const spoken = label.top3.map((p) => `${p.label} ${formatPercent(p.probability)}`).join(', ');
  return (
    <span class="badge" style={place} tabIndex={0} role="note" aria-label={`Fashion Lens: ${spoken}`}>
      {top1 ? `${top1.label} ${Math.round(top1.probability * 100)}%` : '?'}
      <span class="tip" id={tip} aria-hidden="true">
        <ol>
          {label.top3.map((p) => (
            <li key={p.index}>
              {p.label} <b>{formatPercent(p.probability)}</b>
            </li>
          ))}
        </ol>
      </span>
    </span>
  );
}

/** The overlay's styles (inside the shadow root: they neither leak into nor inherit from the page). */
export const PAGE_OVERLAY_CSS = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none;
  font: 600 12px/1.3 system-ui, sans-serif; z-index: 2147483647; }
.badge { position: absolute; pointer-events: auto; padding: 2px 6px; border-radius: 4px; background: #1f6f78; color: #fff;
  white-space: nowrap; box-shadow: 0 1px 3px rgba(0,0,0,.4); cursor: default; }
.badge.failed { background: #5f6368; }
.badge:focus { outline: 2px solid #ffb300; outline-offset: 1px; }
.tip { display: none; position: absolute; left: 0; top: 100%; margin-top: 4px; padding: 6px 8px; min-width: 140px; max-width: 260px;
  white-space: normal; background: #fff; color: #1d1d1f; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.35); font-weight: 400; }
.tip ol { margin: 0; padding-left: 18px; }
.badge:hover .tip, .badge:focus .tip { display: block; z-index: 1; }
.match { position: absolute; outline: 3px solid #ffb300; outline-offset: -3px; }
.veil { position: absolute; background: rgba(255,255,255,.72); }
`;
