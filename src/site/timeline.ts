/**
 * The timeline chart: articles per month over the whole archive, drawn at build time as SVG, each
 * bar a link to its month's page. It needs no script; its title, description and axis labels are
 * text, and the same figures follow as a table for readers who do not see the chart.
 */
import { monthName, renderCount, renderMonth } from './french.js';
import { escapeHtml } from './html.js';

/** The plot's target width: the bars share it, each between MIN_SLOT and MAX_SLOT wide. */
const PLOT_WIDTH = 720;
const MIN_SLOT = 4;
const MAX_SLOT = 36;
const PLOT_HEIGHT = 160;
const LEFT = 44;
const TOP = 12;
const BOTTOM = 34;

/** Every month from the first to the last key ("YYYY-MM"), empty ones included. */
export function listMonths(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (year * 12 + month <= end) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The chart and its table; `monthPage` gives the link of a month's page from the page the chart is on,
 * `years` the years the counts span, oldest first (the site's index holds them already).
 */
export function renderTimeline(counts: ReadonlyMap<string, number>, monthPage: (month: string) => string, years: readonly string[] = yearsOf(counts)): string {
  const keys = [...counts.keys()].sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (!first || !last) return '<p>L’archive ne contient encore aucun article.</p>';
  const months = listMonths(first, last);
  const max = Math.max(...counts.values());
  const slot = Math.max(MIN_SLOT, Math.min(MAX_SLOT, Math.floor(PLOT_WIDTH / months.length)));
  const bar = slot - Math.max(1, Math.round(slot / 5));
  const width = LEFT + months.length * slot + 8;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const description = `${renderCount(total, 'article', 'articles')} de ${renderMonth(first)} à ${renderMonth(last)} ; au plus ${renderCount(max, 'article', 'articles')} en un mois.`;
  const bars = months.map((month, i) => {
    const n = counts.get(month) ?? 0;
    const x = LEFT + i * slot;
    const label = `${renderMonth(month)} : ${renderCount(n, 'article', 'articles')}`;
    if (n === 0) return `<rect class="bar-empty" x="${x}" y="${TOP + PLOT_HEIGHT - 1}" width="${bar}" height="1"><title>${escapeHtml(label)}</title></rect>`;
    const h = Math.max(2, Math.round((n / max) * PLOT_HEIGHT));
    return `<a href="${escapeHtml(monthPage(month))}" aria-label="${escapeHtml(label)}"><rect class="bar" x="${x}" y="${TOP + PLOT_HEIGHT - h}" width="${bar}" height="${h}"><title>${escapeHtml(label)}</title></rect></a>`;
  });
  // A year's label under its January, and under the first month unless a January follows too closely.
  const yearLabels = months.flatMap((month, i) =>
    month.endsWith('-01') || (i === 0 && Number(month.slice(5, 7)) <= 9)
      ? [`<text class="axis-label" x="${LEFT + i * slot}" y="${TOP + PLOT_HEIGHT + 16}">${month.slice(0, 4)}</text>`]
      : [],
  );
  const axes = [
    `<line class="axis" x1="${LEFT - 4}" y1="${TOP + PLOT_HEIGHT}" x2="${width - 4}" y2="${TOP + PLOT_HEIGHT}"/>`,
    `<text class="axis-label" x="${LEFT - 8}" y="${TOP + 10}" text-anchor="end">${max}</text>`,
    `<text class="axis-label" x="${LEFT - 8}" y="${TOP + PLOT_HEIGHT}" text-anchor="end">0</text>`,
    `<text class="axis-title" x="${LEFT}" y="${height - 4}">Mois de publication</text>`,
    `<text class="axis-title" x="10" y="${TOP + PLOT_HEIGHT / 2}" transform="rotate(-90 10 ${TOP + PLOT_HEIGHT / 2})" text-anchor="middle">Articles</text>`,
  ];
  return `<figure class="timeline">
<div class="timeline-scroll">
<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="timeline-title">Articles par mois</title>
<desc id="timeline-desc">${escapeHtml(description)}</desc>
${axes.join('\n')}
${yearLabels.join('\n')}
${bars.join('\n')}
</svg>
</div>
<figcaption>Articles publiés chaque mois. ${escapeHtml(description)} Chaque barre mène aux articles de son mois.</figcaption>
<details>
<summary>Les mêmes chiffres en tableau</summary>
${renderTable(counts, years)}
</details>
</figure>`;
}

/** The years of the months counted ("YYYY"), oldest first. */
function yearsOf(counts: ReadonlyMap<string, number>): string[] {
  return [...new Set([...counts.keys()].map((k) => k.slice(0, 4)))].sort();
}

/** One row per year, one column per month. */
function renderTable(counts: ReadonlyMap<string, number>, years: readonly string[]): string {
  const head = Array.from({ length: 12 }, (_, i) => `<th scope="col">${monthName(i + 1)}</th>`).join('');
  const rows = years.map((year) => {
    const cells = Array.from({ length: 12 }, (_, i) => `<td>${counts.get(`${year}-${String(i + 1).padStart(2, '0')}`) ?? 0}</td>`).join('');
    return `<tr><th scope="row">${year}</th>${cells}</tr>`;
  });
  return `<table class="timeline-table"><caption>Articles par mois</caption><thead><tr><th scope="col">Année</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
