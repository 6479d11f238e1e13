/**
 * The crawl peer, run as its own process by the benchmark: Crawlee's CheerioCrawler at a fixed
 * concurrency (no autoscaling: min = max = desired, overload ratios at 1 so system load never throttles
 * it), in-memory storage, robots.txt honoured, every same-origin link followed, and for each article
 * page the same extraction as ours does in spirit: cheerio, the Joomla body, Turndown, one Markdown
 * file per article.
 *
 * Usage: node scripts/bench/crawlee-peer.js --base-url http://127.0.0.1:PORT --out DIR [--concurrency 8]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';
import { createTurndown } from './peers.js';

/** Joomla SEF article URLs: `/<category>/<id>-<alias>.html`. */
const ARTICLE = /\/(\d+)-[^/]+\.html$/;

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, out: { type: 'string' }, concurrency: { type: 'string', default: '8' } } });
const baseUrl = values['base-url'];
const out = values.out;
if (!baseUrl || !out) {
  process.stderr.write('usage: crawlee-peer.js --base-url URL --out DIR [--concurrency N]\n');
  process.exit(2);
}
const concurrency = Number(values.concurrency);
mkdirSync(out, { recursive: true });
log.setLevel(log.LEVELS.ERROR);
const turndown = createTurndown();
let articles = 0;

const config = new Configuration({ persistStorage: false, purgeOnStart: true, availableMemoryRatio: 1 });
const crawler = new CheerioCrawler(
  {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    autoscaledPoolOptions: {
      desiredConcurrency: concurrency,
      systemStatusOptions: { maxCpuOverloadedRatio: 1, maxMemoryOverloadedRatio: 1, maxEventLoopOverloadedRatio: 1, maxClientOverloadedRatio: 1 },
    },
    respectRobotsTxtFile: true,
    useSessionPool: false,
    maxRequestRetries: 2,
    // Joomla feeds and sitemaps are linked from the pages; Cheerio reads them as it reads HTML.
    additionalMimeTypes: ['application/rss+xml', 'application/xml', 'text/xml', 'text/plain'],
    async requestHandler({ request, $, enqueueLinks }) {
      await enqueueLinks({ strategy: 'same-origin' });
      // XML answers (feed, sitemap) come without a cheerio handle: links only.
      if (typeof $ !== 'function') return;
      const id = ARTICLE.exec(new URL(request.loadedUrl ?? request.url).pathname)?.[1];
      const body = $('div[itemprop="articleBody"]').first();
      if (!id || body.length === 0) return;
      const title = $('[itemprop="headline"]').first().text().trim();
      const date = $('time[itemprop="datePublished"]').attr('datetime') ?? '';
      const markdown = turndown.turndown(body.html() ?? '');
      writeFileSync(path.join(out, `${id}.md`), `---\ntitle: ${JSON.stringify(title)}\nurl: ${request.url}\npublishedAt: ${date}\n---\n\n# ${title}\n\n${markdown}\n`);
      articles++;
    },
  },
  config,
);
await crawler.run([`${baseUrl}/`]);
process.stdout.write(`${JSON.stringify({ articles })}\n`);
