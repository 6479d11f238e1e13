/**
 * The machine-readable files of the generated site: the RSS feed Joomla publishes at
 * `<listing>.feed?type=rss`, `sitemap.xml`, and Joomla's default robots.txt.
 */
import { escapeHtml } from './render-chrome.js';
import { toHttpDate } from './paris-time.js';

/** @typedef {import('./generate-site.js').ArticleModel} ArticleModel */

/**
 * Joomla 3's RSS 2.0 feed of a listing (newest first); `lastBuildDate` is the newest change, not now,
 * so the same site renders the same bytes.
 * @param {{ origin: string, items: ReadonlyArray<{ article: ArticleModel, intro: string }>, lastBuild: number }} input
 */
export function renderRss(input) {
  const items = input.items.map(({ article: a, intro }) => `		<item>
			<title>${escapeHtml(a.title)}</title>
			<link>${input.origin}${a.path}</link>
			<guid isPermaLink="true">${input.origin}${a.path}</guid>
			<description><![CDATA[<p>${escapeHtml(intro)}</p>]]></description>
			<author>webmaster@beauvais.fr (Ville de Beauvais)</author>
			<category>${escapeHtml(a.category.title)}</category>
			<pubDate>${toHttpDate(a.publishedAt)}</pubDate>
		</item>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- generator="Joomla! - Open Source Content Management" -->
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
	<channel>
		<title>Actualités - BEAUVAIS - Capitale de l'Oise</title>
		<description><![CDATA[Les actualités de la Ville de Beauvais]]></description>
		<link>${input.origin}/actualites.html</link>
		<lastBuildDate>${toHttpDate(input.lastBuild)}</lastBuildDate>
		<generator>Joomla! - Open Source Content Management</generator>
		<atom:link rel="self" type="application/rss+xml" href="${input.origin}/actualites.feed?type=rss"/>
		<language>fr-fr</language>
${items.join('\n')}
	</channel>
</rss>
`;
}

/**
 * A sitemap of the given pages (sitemaps.org 0.9).
 * @param {{ origin: string, urls: Iterable<{ path: string, lastmod?: string }> }} input
 */
export function renderSitemap(input) {
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  for (const u of input.urls) {
    xml += `<url><loc>${input.origin}${escapeHtml(u.path)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>\n`;
  }
  return `${xml}</urlset>\n`;
}

/**
 * Joomla 3's default robots.txt, plus the sitemap line site owners add.
 * @param {string} origin
 */
export function renderRobots(origin) {
  const folders = ['administrator', 'bin', 'cache', 'cli', 'components', 'includes', 'installation', 'language', 'layouts', 'libraries', 'logs', 'modules', 'plugins', 'tmp'];
  return `# If the Joomla site is installed within a folder\n# eg www.example.com/joomla/ then the robots.txt file\n# MUST be moved to the site root\nUser-agent: *\n${folders.map((f) => `Disallow: /${f}/`).join('\n')}\n\nSitemap: ${origin}/sitemap.xml\n`;
}
