/** The reading room's pure parts: Markdown rendering, search terms and shards, the timeline, word diffs, media. */
import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { renderFrenchInstant } from '../../src/site/french.js';
import { createMarkdownRenderer } from '../../src/site/markdown.js';
import { toSiteArticle } from '../../src/site/model.js';
import { renderArticlePage } from '../../src/site/page-article.js';
import { renderWordDiff } from '../../src/site/page-history.js';
import {
  buildShards, foldText, type IndexedDocument, parseShardFile, parseShardList, patchShard, renderDocChunks, renderSearchMeta, renderShardFile, type Shard, toSearchTerms, toShardList, toShardName, toTermWeights,
} from '../../src/site/search-index.js';
import { listMonths, renderTimeline } from '../../src/site/timeline.js';

const render = createMarkdownRenderer();
const noImages = { localImages: new Map<string, string>() };

const entry: ArchiveEntry = {
  id: '3750', title: 'Le marché nocturne', url: 'https://www.beauvais.fr/actualites/3750-x.html', aliases: [],
  publishedAt: '2018-06-14T18:00:00+02:00', updatedAt: null, section: 'Culture', initiatives: [], contentHash: 'sha256:0',
  fetchedAt: '2026-11-26T10:00:00.000Z', firstSeenAt: '2026-11-26T10:00:00.000Z', dateSource: 'meta', history: [],
  markdown: '![Le marché](https://www.beauvais.fr/images/marche.jpg)\n\n![Autre](https://www.beauvais.fr/images/autre.jpg)',
};

describe('Markdown rendering', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[a](javascript:alert(1))', '[a](javascript:alert(1))'],
    ['[a](data:text/html,x)', '[a](data:text/html,x)'],
  ])('keeps %s as text', (markdown, expected) => {
    const html = render(markdown, noImages);
    expect(html).toContain(expected);
    expect(html).not.toMatch(/<(script|img|iframe)|href="(javascript|data):/);
  });

  it('opens web links without referrer and moves headings below the page title', () => {
    const html = render('# Titre\n\n[site](https://www.beauvais.fr/)', noImages);
    expect(html).toContain('<h2>Titre</h2>');
    expect(html).toContain('<a href="https://www.beauvais.fr/" rel="noopener noreferrer">site</a>');
  });

  it('shows a kept image from the site and links to one that was not kept, loading nothing remote', () => {
    const local = { localImages: new Map([['https://www.beauvais.fr/images/marche.jpg', '../../media/ab/marche.jpg']]) };
    const html = render(entry.markdown, local);
    expect(html).toContain('<img src="../../media/ab/marche.jpg" alt="Le marché" loading="lazy">');
    expect(html).toContain('<a class="remote-image" href="https://www.beauvais.fr/images/autre.jpg" rel="noopener noreferrer">Image non conservée : Autre</a>');
    expect(html).not.toContain('src="https:');
  });

  it('shows an image the archive links to its kept copy (as crawl --media writes it), and a kept document', () => {
    const local = { localImages: new Map([['https://www.beauvais.fr/images/marche.jpg', '../../media/ab12-marche.jpg']]) };
    const html = render('![Le marché](../../media/ab12-marche.jpg "https://www.beauvais.fr/images/marche.jpg")\n\n[Le règlement](../../media/cd34-reglement.pdf "https://www.beauvais.fr/docs/reglement.pdf")', local);
    expect(html).toContain('<img src="../../media/ab12-marche.jpg" alt="Le marché" loading="lazy">');
    expect(html).toContain('href="../../media/cd34-reglement.pdf"');
    // A relative link out of the media folder is not a link.
    expect(render('[x](../../etc/passwd)', local)).not.toContain('href=');
  });
});

describe('media of the front matter', () => {
  it('renders kept media from the entry\'s media list, relative to the article page, and ignores unsafe paths', () => {
    const withMedia = {
      ...entry,
      media: [
        { url: 'https://www.beauvais.fr/images/marche.jpg', path: 'media/ab/abcd.jpg', sha256: 'abcd', type: 'image/jpeg', bytes: 20480 },
        { url: 'https://www.beauvais.fr/images/autre.jpg', path: '../../etc/passwd', sha256: 'x', type: 'image/jpeg', bytes: 1 },
      ],
    } as ArchiveEntry;
    const article = toSiteArticle('2018/06/2018-06-14-le-marche-nocturne.md', withMedia);
    expect(article.media.map((m) => m.path)).toEqual(['media/ab/abcd.jpg']);
    const html = renderArticlePage(article, render);
    expect(html).toContain('<img src="../../media/ab/abcd.jpg" alt="Le marché"');
    expect(html).toContain('Médias conservés');
    expect(html).toContain('20 Ko');
    expect(html).not.toContain('etc/passwd');
  });

  it('renders an article without a media list', () => {
    const html = renderArticlePage(toSiteArticle('2018/06/2018-06-14-le-marche-nocturne.md', entry), render);
    expect(html).not.toContain('Médias conservés');
    expect(html).toContain('à 18 h 00');
    expect(html).not.toContain('mis à jour');
  });

  it('gives the update date when the page had one', () => {
    const updated = { ...entry, updatedAt: '2018-06-15T09:05:00+02:00' } as ArchiveEntry;
    const html = renderArticlePage(toSiteArticle('2018/06/2018-06-14-le-marche-nocturne.md', updated), render);
    expect(html).toContain('mis à jour le <time datetime="2018-06-15T09:05:00+02:00">15 juin 2018 à 9 h 05</time>');
  });

  it('says where the date came from when it is the first-seen day', () => {
    const seen = { ...entry, publishedAt: null, dateSource: 'first-seen' } as ArchiveEntry;
    const html = renderArticlePage(toSiteArticle('2026/11/2026-11-26-le-marche-nocturne.md', seen), render);
    expect(html).toContain('26 novembre 2026');
    expect(html).toContain('date de première capture');
  });
});

describe('search terms', () => {
  it.each([
    ['École', 'ecole'], ['Œuvre', 'oeuvre'], ['MÉDIATHÈQUE', 'mediatheque'], ['ça', 'ca'],
  ])('folds %s to %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it('splits on apostrophes and punctuation, leaving out stop words and single letters', () => {
    expect(toSearchTerms('L’école de Beauvais, c’est ouverte !')).toEqual(['ecole', 'beauvais', 'ouverte']);
  });

  it('names shards by their first two characters, encoding what is not plain ASCII', () => {
    expect(toShardName('ecole')).toBe('ec');
    expect(toShardName('москва')).toBe('u43c-43e');
  });

  it('indexes each word in its shard with its articles, a title word weighing more', () => {
    const shards = buildShards([
      { id: 0, weights: toTermWeights('École', 'rentrée') },
      { id: 1, weights: toTermWeights('Rentrée', 'école école constructor') },
    ]);
    expect([...shards.keys()].sort()).toEqual(['co', 'ec', 're']);
    expect(renderShardFile('ec', shards.get('ec') as Shard)).toBe('BeauvaisSearch.terms("ec",{"ecole":[0,10,1,2]});\n');
    expect(renderShardFile('co', shards.get('co') as Shard)).toBe('BeauvaisSearch.terms("co",{"constructor":[1,1]});\n');
    expect(renderDocChunks([{ page: 'a.html', title: 'École', date: '2018-01-01', section: null }, null]).get('search/docs-0.js'))
      .toBe('BeauvaisSearch.docs(0,[["a.html","École","2018-01-01",""],0]);\n');
    expect(renderSearchMeta(2, ['re', 'co', 'ec'])).toBe('BeauvaisSearch.meta({"docs":2,"perChunk":500,"shards":["co","ec","re"]});\n');
  });

  it('lists the shards of an article with a hash that changes only where its words or weights change', () => {
    const before = parseShardList(toShardList(toTermWeights('École', 'rentrée des classes')));
    const after = parseShardList(toShardList(toTermWeights('École', 'rentrée des classes classes')));
    expect([...before.keys()]).toEqual(['cl', 'ec', 're']);
    expect([...after.keys()]).toEqual(['cl', 'ec', 're']);
    expect([...before].filter(([name, hash]) => after.get(name) !== hash).map(([name]) => name)).toEqual(['cl']);
  });

  it('patches a shard to what a full build of the changed documents gives', () => {
    const before = [
      { id: 0, weights: toTermWeights('École', 'rentrée') },
      { id: 1, weights: toTermWeights('Écluse', 'écoles') },
      { id: 2, weights: toTermWeights('Rentrée', 'école') },
    ];
    const after = [before[0], { id: 1, weights: toTermWeights('Rentrée', 'éclair') }, before[2], { id: 3, weights: toTermWeights('Écoles', '') }];
    const old = parseShardFile(renderShardFile('ec', buildShards(before).get('ec') as Shard));
    const patched = patchShard(old, new Set([1, 3]), buildShards([after[1], after[3]] as IndexedDocument[]).get('ec'));
    expect(renderShardFile('ec', patched)).toBe(renderShardFile('ec', buildShards(after as IndexedDocument[]).get('ec') as Shard));
  });
});

describe('timeline', () => {
  it('lists every month between the first and the last, empty ones included', () => {
    expect(listMonths('2017-11', '2018-02')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
  });

  it('draws one linked bar per month with articles, with a title, a description and a table', () => {
    const svg = renderTimeline(new Map([['2017-12', 2], ['2018-02', 1]]), (m) => `${m}/index.html`);
    expect(svg.match(/<a href=/g)).toHaveLength(2);
    expect(svg).toContain('<a href="2017-12/index.html" aria-label="décembre 2017 : 2 articles">');
    expect(svg).toContain('<title id="timeline-title">Articles par mois</title>');
    expect(svg).toContain('<desc id="timeline-desc">3 articles de décembre 2017 à février 2018 ; au plus 2 articles en un mois.</desc>');
    expect(svg).toContain('<title>janvier 2018 : 0 article</title>');
    expect(svg).toContain('<tr><th scope="row">2018</th><td>0</td><td>1</td>');
  });
});

describe('word diff', () => {
  it('marks removed and added words and escapes them', () => {
    expect(renderWordDiff('du 12 au 23 mars', 'du 12 au 30 mars <b>')).toBe('du 12 au <del>23</del><ins>30</ins> mars<ins> &lt;b&gt;</ins>');
  });

  it('cuts long unchanged runs to their edges', () => {
    const long = Array.from({ length: 200 }, (_, i) => `mot${i}`).join(' ');
    const html = renderWordDiff(`${long} fin`, `${long} suite`);
    expect(html).toContain('[…]');
    expect(html).toContain('mot199 ');
    expect(html.length).toBeLessThan(long.length);
  });
});

describe('French dates', () => {
  it.each([
    ['2026-12-06T23:24:54.494Z', '7 décembre 2026 à 0 h 24'],
    ['2018-07-01T10:00:00.000Z', '1er juillet 2018 à 12 h 00'],
    ['pas une date', 'pas une date'],
  ])('shows the instant %s in Paris as %s', (iso, text) => expect(renderFrenchInstant(iso)).toBe(text));
});
