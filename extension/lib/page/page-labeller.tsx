import { render } from 'preact';
import { sentence } from '../failures';
import { PageOverlay, type OverlayItem } from '../../components/page-overlay';
import { planPageImages } from './choose-page-images';
import { measurePageImage } from './measure-page-image';
import type { PageLabel } from './page-label';
import type { AnsweredLabel, BackgroundToPage } from './page-messages';
import { watchPageImages } from './watch-page-images';

/** Addresses per classify message: the offscreen document runs one predict per batch. */
export const PAGE_BATCH_SIZE = 8;

/** Batches sent before the first is answered: the next batch is fetched while one is predicted, and no more. */
export const PAGE_BATCHES_IN_FLIGHT = 4;


/** The channel to the background (runtime messages in the extension). */
export interface LabellerChannel {
  /** Tells the background how many new addresses a pass found (0 on a page with none) and how many the cap left out. */
  found(added: number, overCap: number): void;
  /** Classifies one batch; resolves with a label per address, in order; rejects when the background went away. */
  classify(urls: string[]): Promise<AnsweredLabel[]>;
  /** Registers the handler for the background's messages. */
  listen(handler: (message: BackgroundToPage) => void): void;
}

/** A running page labeller. */
export interface PageLabeller {
  /** Labels the page again from the start (a second "Label this page" on the same tab): every image is sent again; badges stay until their new answers replace them. */
  relabel(): void;
  /** Removes every badge and stops watching; the page's DOM is as it was. */
  stop(): void;
}

/**
 * Labels the images of `doc`: finds the product images (planPageImages), sends their new
 * addresses to the background, draws the answers into `container` (inside the shadow root the
 * caller made), and keeps watching for images added or swapped later and for layout changes (the
 * badges follow their images). Light on the page's main thread: measuring is one rect read per
 * image, coalesced to once per animation frame; classification happens in the extension.
 */
export function startPageLabeller(doc: Document, container: HTMLElement, channel: LabellerChannel, onStop: () => void): PageLabeller {
  const view = doc.defaultView!;
  const keys = new WeakMap<HTMLImageElement, number>();
  let nextKey = 1;
  /** The address each taken image shows (its label is that address's). */
  const shown = new Map<HTMLImageElement, string>();
  const labels = new Map<string, PageLabel>();
  let filter: string | null = null;
  let stopped = false;
  let frame = 0;

  const keyOf = (image: HTMLImageElement) => {
    let key = keys.get(image);
    if (key === undefined) keys.set(image, (key = nextKey++));
    return key;
  };

  function draw() {
    const items: OverlayItem[] = [];
    for (const [image, url] of shown) {
      const label = labels.get(url);
      if (!label || label.state === 'pending' || !image.isConnected) continue;
      const rect = image.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      items.push({ key: keyOf(image), box: { left: rect.left + view.scrollX, top: rect.top + view.scrollY, width: rect.width, height: rect.height }, label });
    }
    render(<PageOverlay items={items} filter={filter} />, container);
  }

  function redraw() {
    if (frame === 0 && !stopped) frame = view.requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  /** Addresses sent in this round (a relabel starts a new round; labels of the last one stay shown until replaced). */
  let sent = new Set<string>();
  let firstPass = true;
  const queued: string[] = [];
  let inFlight = 0;

  /** Sends queued addresses in batches, at most PAGE_BATCHES_IN_FLIGHT at a time; a lost batch is sent once more (to a restarted background). */
  function pump() {
    while (!stopped && inFlight < PAGE_BATCHES_IN_FLIGHT && queued.length > 0) {
      const batch = queued.splice(0, PAGE_BATCH_SIZE);
      inFlight++;
      const answer = (labelsOf: AnsweredLabel[]) => {
        batch.forEach((url, i) => labels.set(url, labelsOf[i]!));
        redraw();
      };
      channel
        .classify(batch)
        .catch(() => channel.classify(batch))
        .then(answer, () => answer(batch.map(() => ({ state: 'error', error: { code: 'batch-lost', message: sentence('batch-lost') } }))))
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  function rescan() {
    if (stopped) return;
    const images = [...doc.images];
    const plan = planPageImages(images.map(measurePageImage), sent);
    shown.clear();
    plan.choices.forEach((choice, i) => {
      if (choice.take) shown.set(images[i]!, choice.url);
    });
    for (const url of plan.urls) {
      sent.add(url);
      if (!labels.has(url)) labels.set(url, { state: 'pending' });
    }
    if (firstPass || plan.urls.length > 0 || plan.overCap > 0) channel.found(plan.urls.length, plan.overCap);
    firstPass = false;
    queued.push(...plan.urls);
    pump();
    redraw();
  }

  channel.listen((message) => {
    if (stopped) return;
    if (message.kind === 'filter') {
      filter = message.className;
    } else {
      stop();
      return;
    }
    redraw();
  });

  const unwatch = watchPageImages(doc, rescan);
  // Scrolling inner containers (carousels) moves images without any mutation; window scrolling does not move document coordinates but costs nothing to follow.
  view.addEventListener('scroll', redraw, { capture: true, passive: true });
  const resized = new ResizeObserver(redraw);
  resized.observe(doc.documentElement);

  function stop() {
    if (stopped) return;
    stopped = true;
    unwatch();
    view.removeEventListener('scroll', redraw, { capture: true });
    resized.disconnect();
    if (frame !== 0) view.cancelAnimationFrame(frame);
    render(null, container);
    onStop();
  }

  rescan();
  return {
    relabel() {
      sent = new Set();
      firstPass = true;
      queued.length = 0;
      rescan();
    },
    stop,
  };
}
