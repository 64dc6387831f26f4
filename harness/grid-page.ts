/**
 * A shop category page as the page-labelling tests and benchmark see it: a header with a wide
 * logo and a 24 px cart icon, a grid of product photos (4 columns, 180 px), a hidden image, and
 * more products that appear only when the user scrolls to the end ("load more", as infinite
 * scroll does). Only the grid's photos (and those loaded later) are product images.
 */
export interface GridPageOptions {
  /** Paths of the photos in the grid. */
  photos: readonly string[];
  /** Paths of the photos added when the end of the grid is scrolled into view. */
  later?: readonly string[];
  /** Path of an image used as the logo (shown 600x80) and as the cart icon (24x24). */
  decoration: string;
  /** Extra <img> tags put in the grid as they are (a blank placeholder, a broken image, ...). */
  extraImages?: readonly string[];
}

const card = (src: string, i: number) =>
  `<li class="card"><img src="${src}" alt="Product ${i + 1}" width="180" height="180"><p>Product ${i + 1}</p></li>`;

export function gridPage({ photos, later = [], decoration, extraImages = [] }: GridPageOptions): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Loopback Outfitters: all products</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 8px 16px; background: #222; }
  .grid { list-style: none; display: grid; grid-template-columns: repeat(4, 200px); gap: 16px; padding: 16px; margin: 0; }
  .card img { object-fit: contain; background: #fff; border: 1px solid #ddd; }
  .card p { margin: 4px 0 0; }
  #end { height: 40px; }
</style></head><body>
<header><img src="${decoration}" alt="Loopback Outfitters" width="600" height="80"><img src="${decoration}" alt="Cart" width="24" height="24"></header>
<ul class="grid" id="grid">${photos.map(card).join('')}${extraImages.join('')}</ul>
<img src="${photos[0] ?? decoration}" alt="" style="display:none">
<div id="end"></div>
<script>
  const later = ${JSON.stringify(later)};
  const cards = ${JSON.stringify(later.map((src, i) => card(src, photos.length + i)))};
  if (later.length > 0) new IntersectionObserver((entries, observer) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    document.getElementById('grid').insertAdjacentHTML('beforeend', cards.join(''));
  }).observe(document.getElementById('end'));
</script>
</body></html>`;
}
