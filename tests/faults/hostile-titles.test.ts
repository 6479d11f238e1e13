/**
 * Hostile titles, through a whole crawl: path climbing, slashes, NUL, newlines, YAML syntax, 2,000
 * characters, nothing but punctuation or emoji, right-to-left script, and two articles whose slugs
 * collide. Each must give one archive file, inside `--out`, with a safe name, whose front matter
 * reads back to the page's title (cleaned of control characters) and cannot be closed early.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite, type ArticleModel } from '../../scripts/site/generate-site.js';
import { takeCensus } from '../helpers/fault-archive.js';
import { createCrawlRig, type CrawlRig } from '../helpers/fault-crawl.js';
import { hostileArticlePage } from '../helpers/fault-pages.js';
import { sendPage, serveHostileSite, type HostileSite } from '../helpers/fault-hostile-site.js';
import { CRAWL_FLAGS, FAULT_SITE } from './plan.js';

const LONG = 'Beauvais célèbre la fête de la musique '.repeat(52).trim();

/** Title on the page → title expected in the front matter. */
const TITLES: ReadonlyArray<readonly [string, string, string]> = [
  ['path climbing', '../../../etc/passwd', '../../../etc/passwd'],
  ['slashes and backslashes', 'Travaux rue /a/b\\c\\..\\d', 'Travaux rue /a/b\\c\\..\\d'],
  ['NUL', 'Conseil\u0000 municipal', 'Conseil municipal'],
  ['newlines and a fence', 'Ligne 1\nLigne 2\r\n---\nid: "666"', 'Ligne 1 Ligne 2 --- id: "666"'],
  ['YAML syntax', `titre: "cité" --- # pas un commentaire 'apostrophe' {a: b} [c] & *ref !tag | > %`, `titre: "cité" --- # pas un commentaire 'apostrophe' {a: b} [c] & *ref !tag | > %`],
  ['2,000 characters', LONG, LONG],
  ['only punctuation', '!!! ??? … ### ---', '!!! ??? … ### ---'],
  ['only emoji', '🎉🎊🎈', '🎉🎊🎈'],
  ['right-to-left', 'مرحبا بكم في بوفيه', 'مرحبا بكم في بوفيه'],
];
/** Two articles of one day with one title: their slugs collide. */
const SAME_TITLE = 'Conseil municipal du 20 décembre';

const site = generateSite({ articles: 24, seed: 'hostile-titles-2026', pageBytes: FAULT_SITE.pageBytes });
let server: HostileSite;
let rig: CrawlRig;
let root: string;

beforeAll(async () => {
  server = await serveHostileSite(site);
  rig = createCrawlRig(server.url);
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-titles-'));
});
afterAll(async () => {
  await rig?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Two consecutive articles published the same Paris day. */
function sameDayPair(): [ArticleModel, ArticleModel] {
  const all = [...site.articles()];
  for (let i = TITLES.length; i + 1 < all.length; i++) {
    const [a, b] = [all[i] as ArticleModel, all[i + 1] as ArticleModel];
    if (a.publishedDate === b.publishedDate) return [a, b];
  }
  throw new Error('no two articles of one day');
}

describe('hostile titles', () => {
  it('give one safe file each, inside --out, whose front matter reads back to the title', async () => {
    const hostile = TITLES.map(([, title], i) => ({ article: site.articleAt(i), title }));
    const pair = sameDayPair();
    for (const { article, title } of [...hostile, ...pair.map((article) => ({ article, title: SAME_TITLE }))]) {
      server.override(article.path, sendPage(hostileArticlePage(site, article, { title })));
    }
    const out = path.join(root, 'out');
    const result = await rig.run(['crawl', '--base-url', server.url, '--out', out, ...CRAWL_FLAGS]);
    expect(result.code, result.stderr).toBe(0);

    // Nothing was written beside --out, and nothing inside it outside the documented layout.
    expect(await readdir(root)).toEqual(['out']);
    const census = await takeCensus(out);
    expect(census.unreadable).toEqual([]);
    expect(census.strays).toEqual([]);
    for (const [i, [name, , expected]] of TITLES.entries()) {
      const files = census.filesById.get(site.articleAt(i).id) ?? [];
      expect(files, name).toHaveLength(1);
      const file = files[0] as string;
      expect(census.entries.get(file)?.title, name).toBe(expected);
      // Bounded names: date, at most 80 characters of slug, maybe the id.
      expect(path.basename(file).length, name).toBeLessThanOrEqual(11 + 80 + 1 + 8 + 3);
      // The YAML holds each value on one line: the title cannot open or close a block.
      const text = await readFile(path.join(out, file), 'utf8');
      expect(text.split('\n').filter((line) => line === '---'), name).toHaveLength(2);
    }
    const [first, second] = pair.map((a) => census.filesById.get(a.id) ?? []);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first?.[0]).not.toBe(second?.[0]);
    expect([first?.[0], second?.[0]].map((f) => census.entries.get(String(f))?.title)).toEqual([SAME_TITLE, SAME_TITLE]);
    expect(rig.guard.refused).toEqual([]);
  }, 60_000);
});
