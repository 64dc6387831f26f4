/**
 * Which images of a page "Label this page" classifies (issue 20, item 2). Pure: the content
 * script measures each <img> into PageImageFacts (measure-page-image.ts) and this decides, so the
 * rules are tested without a browser and read in one place.
 *
 * Product photos on shop pages are shown at least 64x64 CSS px and roughly as tall as wide; what
 * else a page holds (icons, logos, sprites, tracking pixels, banners) is smaller, hidden or far
 * wider than tall. Blank placeholders are not decided here: they are fetched and the conversion
 * refuses them as blank, and the scan counts them as skipped.
 */

/** Smallest rendered edge (CSS px) of a product image. */
export const MIN_RENDERED_EDGE = 64;

/** Widest rendered aspect ratio (long edge / short edge) still taken for a product photo. */
export const MAX_ASPECT_RATIO = 3;

/** Most distinct images one page scan classifies. */
export const PAGE_IMAGE_CAP = 300;

/** What the content script measures of one <img>. */
export interface PageImageFacts {
  /** The address the browser shows (`currentSrc`, so srcset/<picture> give the size shown), or '' before it picked one. */
  url: string;
  /** Its box on the page, CSS px. */
  renderedWidth: number;
  renderedHeight: number;
  /** Hidden from view: display none (itself or an ancestor), visibility hidden, opacity 0, or no box. */
  hidden: boolean;
}

/** Why an image is not classified ('over-cap': the page held more than PAGE_IMAGE_CAP distinct images). */
export type SkipReason = 'no-address' | 'hidden' | 'too-small' | 'not-product-shaped' | 'over-cap';

export type ImageChoice = { take: true; url: string } | { take: false; reason: SkipReason };

/** Decides one image. Pure. */
export function chooseImage(facts: PageImageFacts): ImageChoice {
  const url = facts.url.trim();
  if (url === '' || url.startsWith('about:')) return { take: false, reason: 'no-address' };
  if (facts.hidden || facts.renderedWidth <= 0 || facts.renderedHeight <= 0) return { take: false, reason: 'hidden' };
  const short = Math.min(facts.renderedWidth, facts.renderedHeight);
  const long = Math.max(facts.renderedWidth, facts.renderedHeight);
  if (short < MIN_RENDERED_EDGE) return { take: false, reason: 'too-small' };
  if (long / short > MAX_ASPECT_RATIO) return { take: false, reason: 'not-product-shaped' };
  return { take: true, url };
}

/** The page's images to classify: each distinct address once, in page order, at most `cap`. */
export interface PagePlan {
  /** Distinct addresses to classify, in the order first seen. */
  urls: string[];
  /** For each image given, the address it shows (its label comes from that address) or why it is skipped. */
  choices: ImageChoice[];
  /** How many distinct addresses were left out because the cap was reached. */
  overCap: number;
}

/**
 * Plans a scan over the images measured so far. `known` holds the addresses already classified or
 * queued (a later call for images added by lazy loading or "load more" classifies only new ones);
 * the cap counts them too. Pure.
 */
export function planPageImages(images: readonly PageImageFacts[], known: ReadonlySet<string> = new Set(), cap = PAGE_IMAGE_CAP): PagePlan {
  const urls: string[] = [];
  const seen = new Set(known);
  const left = new Set<string>();
  const choices = images.map((facts): ImageChoice => {
    const choice = chooseImage(facts);
    if (!choice.take || seen.has(choice.url)) return choice;
    if (seen.size >= cap) {
      left.add(choice.url);
      return { take: false, reason: 'over-cap' };
    }
    seen.add(choice.url);
    urls.push(choice.url);
    return choice;
  });
  return { urls, choices, overCap: left.size };
}
