/**
 * The pages the extraction benchmark runs over: the fixture pages (`fixtures/pages/<name>/source.html`
 * with `meta.json` {url, headers}), topped up with generated article pages while fewer than five exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSite } from '../site/generate-site.js';
import { ROOT } from './targets.js';

/**
 * @typedef {object} CorpusPage
 * @property {string} name
 * @property {Buffer} bytes     as served (what our extractArticle decodes itself)
 * @property {string} html      decoded (what the peers are given)
 * @property {string} url
 * @property {Record<string, string>} headers
 */

/**
 * A page's bytes as text, for the peers that take text: the charset of the Content-Type, else of the
 * page's `<meta charset>`, else UTF-8.
 * @param {Buffer} bytes @param {Record<string, string>} headers
 */
export function decodePage(bytes, headers) {
  const fromHeader = /charset=["']?([\w-]+)/iu.exec(headers['content-type'] ?? '')?.[1];
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/iu.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return new TextDecoder(fromHeader ?? fromMeta ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The fixture pages, if any.
 * @returns {CorpusPage[]}
 */
function fixturePages() {
  const dir = path.join(ROOT, 'fixtures', 'pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')) && existsSync(path.join(dir, d.name, 'meta.json')))
    .map((d) => {
      const bytes = readFileSync(path.join(dir, d.name, 'source.html'));
      const meta = JSON.parse(readFileSync(path.join(dir, d.name, 'meta.json'), 'utf8'));
      const headers = meta.headers ?? {};
      return { name: d.name, bytes, html: decodePage(bytes, headers), url: String(meta.url), headers };
    });
}

/**
 * Generated article pages, as the crawl benchmark's site serves them.
 * @param {number} count
 * @param {string} seed
 * @returns {CorpusPage[]}
 */
export function generatedPages(count, seed) {
  const site = generateSite({ articles: count, seed });
  return site.articlePaths().map((p) => {
    const answer = /** @type {NonNullable<ReturnType<typeof site.route>>} */ (site.route(p));
    return { name: p, bytes: answer.body, html: answer.body.toString('utf8'), url: `https://www.beauvais.fr${p}`, headers: { ...answer.headers } };
  });
}

/**
 * The benchmark corpus and where it came from.
 * @param {{ generated: number }} options  how many generated pages to add when fixtures are fewer than 5
 */
export function loadCorpus(options) {
  const fixtures = fixturePages();
  const pages = fixtures.length >= 5 ? fixtures : [...fixtures, ...generatedPages(options.generated, 'bench-extract')];
  const source = fixtures.length >= 5 ? `${fixtures.length} fixture pages` : `${fixtures.length} fixture + ${pages.length - fixtures.length} generated pages`;
  const kb = pages.reduce((sum, p) => sum + p.bytes.length, 0) / pages.length / 1024;
  return { pages, source: `${source}, ${kb.toFixed(0)} KB on average` };
}
