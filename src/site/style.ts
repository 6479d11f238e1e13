/** assets/site.css: system fonts only (no web font), light and dark schemes, visible focus, a print layout. */
export const SITE_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #595959; --link: #0b4f9c; --accent: #1f6f4a;
  --line: #d0d0d0; --bar: #1f5f9c; --bar-hover: #b3261e; --ins-bg: #d8f5dd; --ins-fg: #0b3d17; --del-bg: #fbe0e0; --del-fg: #6b0d0d;
  --panel: #f4f4f2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121212; --fg: #e8e8e8; --muted: #b5b5b5; --link: #8cc4ff; --accent: #7fd1a8;
    --line: #444; --bar: #6fb0f0; --bar-hover: #ff8a80; --ins-bg: #12391d; --ins-fg: #c9f5d4; --del-bg: #4a1515; --del-fg: #ffd6d6;
    --panel: #1e1e1e;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible, main:focus-visible { outline: 3px solid var(--bar-hover); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
.site-header { border-bottom: 1px solid var(--line); padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: center; }
.site-name { margin: 0; font-weight: 700; }
.site-name a { color: var(--fg); text-decoration: none; }
.site-header ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.search-form { display: flex; gap: .4rem; align-items: center; margin-left: auto; }
input[type=search] { font: inherit; padding: .25rem .5rem; border: 1px solid var(--muted); background: var(--bg); color: var(--fg); border-radius: 4px; }
button { font: inherit; padding: .25rem .75rem; border: 1px solid var(--muted); background: var(--panel); color: var(--fg); border-radius: 4px; cursor: pointer; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 2rem; max-width: 72rem; margin: 0 auto; padding: 1rem; }
@media (max-width: 50rem) { .layout { grid-template-columns: minmax(0, 1fr); } .search-form { margin-left: 0; } }
main { min-width: 0; }
aside { font-size: .95rem; }
aside h2 { font-size: 1.05rem; margin-top: 1.5rem; }
aside ul { padding-left: 1.1rem; }
h1 { line-height: 1.25; }
.meta { color: var(--muted); font-size: .92rem; }
.articles { padding-left: 1.2rem; }
.articles li { margin: .35rem 0; }
.months { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.timeline { margin: 0; }
.timeline-scroll { overflow-x: auto; }
.timeline svg { display: block; }
.timeline .bar { fill: var(--bar); }
.timeline a:hover .bar, .timeline a:focus .bar { fill: var(--bar-hover); }
.timeline a:focus { outline: none; }
.timeline a:focus .bar { stroke: var(--fg); stroke-width: 1.5; }
.timeline .bar-empty { fill: var(--line); }
.timeline .axis { stroke: var(--muted); }
.timeline text { fill: var(--fg); font-size: 11px; font-family: inherit; }
figcaption { color: var(--muted); font-size: .92rem; margin: .5rem 0; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .15rem .4rem; text-align: right; }
.article-body img { max-width: 100%; height: auto; }
.article-body table { display: block; overflow-x: auto; }
.remote-image { display: inline-block; padding: .2rem .5rem; border: 1px dashed var(--line); font-size: .9rem; }
.sources dt { font-weight: 600; margin-top: .5rem; }
.sources dd { margin-left: 0; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
.first-seen { font-style: italic; }
.diff { white-space: pre-wrap; background: var(--panel); padding: 1rem; border-radius: 4px; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: 1rem; text-align: center; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --link: #000; }
  .site-header nav, .search-form, .skip, aside nav, .site-footer, .timeline details { display: none; }
  .layout { display: block; max-width: none; padding: 0; }
  .article-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
  ins, del { border: 0; }
  h1, h2, h3 { break-after: avoid; }
}
`;
