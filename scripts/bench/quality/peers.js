/**
 * The extractors compared: ours (dist/index.js) and Mozilla's Readability.js on linkedom (the DOM a
 * Node user would pair it with; jsdom is 5× slower). Each takes a page and gives its text, title and
 * publication date, or a refusal with its reason.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodePage } from '../corpus.js';

/**
 * @typedef {object} QualityPage
 * @property {string} name
 * @property {Buffer} bytes
 * @property {string} url
 * @property {Record<string, string>} headers
 *
 * @typedef {{ kind: 'article', text: string, title: string, publishedAt: string | null } | { kind: 'refused', reason: string }} Outcome
 * @typedef {{ name: string, run: (page: QualityPage) => Outcome }} Peer
 */

/** @param {(html: Uint8Array, url: string, headers?: Record<string, string>, options?: object) => any} extractArticle @returns {Peer} */
export function ourPeer(extractArticle) {
  return {
    name: 'beauvais-archive',
    run(page) {
      const result = extractArticle(page.bytes, page.url, page.headers, { now: new Date('2030-01-01T00:00:00Z') });
      if (result.kind !== 'article') return { kind: 'refused', reason: result.reason };
      const { text, title, publishedAt } = result.article;
      return { kind: 'article', text, title, publishedAt };
    },
  };
}

/** @returns {Peer} */
export function readabilityPeer() {
  return {
    name: 'Readability.js on linkedom',
    run(page) {
      const { document } = parseHTML(decodePage(page.bytes, page.headers));
      let parsed = null;
      try {
        parsed = new Readability(/** @type {any} */ (document)).parse();
      } catch (error) {
        return { kind: 'refused', reason: `threw ${String(error).split('\n')[0]}` };
      }
      if (!parsed) return { kind: 'refused', reason: 'no article' };
      return { kind: 'article', text: parsed.textContent ?? '', title: parsed.title ?? '', publishedAt: parsed.publishedTime ?? null };
    },
  };
}
