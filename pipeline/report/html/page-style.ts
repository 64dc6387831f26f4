/** The report's whole stylesheet: system fonts, no web fonts, no scripts. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --rule: #dde2ea; --good: #1a7f37; --bad: #c62828; --accent: #1f77b4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 22px; margin: 48px 0 8px; padding-top: 16px; border-top: 2px solid var(--rule); }
h3 { font-size: 16px; margin: 24px 0 8px; }
small, .note, figcaption { color: var(--muted); }
.note { margin: 4px 0 8px; }
.warning { margin: 4px 0 8px; padding: 6px 10px; border-left: 4px solid #d97706; background: #fff7ed; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--accent); }
nav a { margin-right: 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #b9c2cf; font-weight: 600; }
tfoot td { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.shipped, tr.shipped td { background: #eef6ff; font-weight: 600; }
td.none { color: #aab; text-align: center; }
.comparison { width: 100%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 0; }
figure.chart { margin: 8px 0 16px; max-width: 100%; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 13px; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.pair > figure.chart { max-width: calc(50% - 12px); }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(215px, 1fr)); gap: 12px; }
.sample { display: flex; gap: 8px; align-items: flex-start; padding: 6px; border: 1px solid var(--rule); border-radius: 6px; }
.sample img, .photo-example img { image-rendering: pixelated; background: #000; flex: none; }
.photo-example img.photo { image-rendering: auto; background: none; border: 1px solid var(--rule); }
.sample figcaption { font-size: 12px; line-height: 1.35; color: var(--ink); min-width: 0; }
.sample ol { margin: 2px 0 0; padding-left: 16px; }
.sample li.right { color: var(--good); font-weight: 600; }
.sample li.wrong { color: var(--bad); font-weight: 600; }
.sample .p { color: var(--muted); }
.sample.mistake { border-color: #f3c1c1; }
.photo-examples { display: flex; flex-wrap: wrap; gap: 20px; margin: 8px 0 16px; }
.photo-row { display: flex; align-items: center; gap: 6px; }
.photo-example figcaption { font-size: 12px; }
h4 { font-size: 15px; margin: 16px 0 6px; }
th small { font-weight: normal; }
th.group { text-align: center; border-bottom: 1px solid var(--rule); }
td.own { background: #eef6ff; font-weight: 600; }
table.robustness td, table.shop-photos td { white-space: nowrap; }
table.shop-photos { font-size: 13px; }
table.comparison th[scope="row"] { min-width: 130px; }
table.shop-photos th, table.shop-photos td { padding: 4px 7px; }
dl.modes { font-size: 14px; margin: 4px 0; }
dl.modes dd { margin: 0 0 6px 24px; color: var(--muted); }
table.photo-results { font-size: 12px; }
table.photo-results th[scope="row"] { font-weight: normal; min-width: 190px; }
.pictures { display: flex; gap: 6px; align-items: center; margin-bottom: 2px; }
.pictures img.thumb, .pictures img.why-thumb { border: 1px solid var(--rule); background: #fff; }
.pictures img.input, .pictures img.why-input { image-rendering: pixelated; background: #000; }
td.guesses ol { margin: 0; padding-left: 18px; }
td.guesses li { white-space: nowrap; }
td.guesses li.right { color: var(--good); font-weight: 600; }
td.guesses li.wrong { color: var(--bad); font-weight: 600; }
td.guesses .p, .key { color: var(--muted); }
td.top1, .key.top1 { background: #e9f7ee; }
td.top3, .key.top3 { background: #fff6e0; }
td.miss, .key.miss { background: #fdecec; }
.key { padding: 1px 6px; border-radius: 3px; color: var(--ink); margin-right: 6px; }
details > summary { cursor: pointer; margin: 12px 0 6px; font-weight: 600; }
table.recipes td small { color: var(--muted); }
.why-mistakes { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
.why-mistake figcaption { overflow-wrap: anywhere; }
`;
