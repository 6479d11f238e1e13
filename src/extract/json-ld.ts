/**
 * The article described by the page's JSON-LD (Joomla 4/5 SEO plugins, schema.org). Structured
 * data comes first in every metadata chain (the Readability order: JSON-LD, meta tags, the DOM).
 */
import { queryAll, type ElementIndex } from './query.js';
import { JSON_LD } from './selectors.js';

/** The fields of a schema.org Article the extractor uses. */
export interface JsonLdArticle {
  readonly headline: string | null;
  readonly datePublished: string | null;
  readonly dateModified: string | null;
  readonly articleSection: string | null;
  readonly url: string | null;
}

/** Types that describe one article, best first; a WebPage is used only when nothing better exists. */
const ARTICLE_TYPES = [
  'NewsArticle', 'Article', 'BlogPosting', 'Report', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'LiveBlogPosting', 'SocialMediaPosting', 'TechArticle', 'ScholarlyArticle', 'Recipe',
];
const PAGE_TYPES = ['WebPage', 'ItemPage'];

/** Wrappers some templates put around the JSON (`<![CDATA[ … ]]>`, `<!-- … -->`), as Readability strips them. */
const CDATA_OR_COMMENT = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/gu;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses every JSON-LD script of the page and returns its article, or null. Broken JSON is ignored. */
export function extractJsonLd(elements: ElementIndex): JsonLdArticle | null {
  const nodes: Record<string, Json>[] = [];
  for (const el of queryAll(elements, JSON_LD)) {
    const text = el.children.map((child) => (child.type === 'text' ? child.data : '')).join('');
    let data: Json;
    try {
      data = JSON.parse(text.replace(CDATA_OR_COMMENT, '').trim()) as Json;
    } catch {
      continue;
    }
    collectNodes(data, nodes);
  }
  const article = nodes.find((n) => hasType(n, ARTICLE_TYPES)) ?? nodes.find((n) => hasType(n, PAGE_TYPES));
  if (!article) return null;
  return {
    headline: asString(article['headline']) ?? asString(article['name']),
    datePublished: asString(article['datePublished']) ?? asString(article['dateCreated']),
    dateModified: asString(article['dateModified']),
    articleSection: asSection(article['articleSection']),
    url: asString(article['url']) ?? asString(article['@id']),
  };
}

/** Flattens top-level arrays and `@graph` into a list of objects (iteratively: JSON-LD may be deep). */
function collectNodes(data: Json, out: Record<string, Json>[]): void {
  const stack: Json[] = [data];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i] as Json);
    } else if (item && typeof item === 'object') {
      out.push(item);
      const graph = item['@graph'];
      if (Array.isArray(graph)) for (let i = graph.length - 1; i >= 0; i--) stack.push(graph[i] as Json);
    }
  }
}

function hasType(node: Record<string, Json>, types: readonly string[]): boolean {
  const type = node['@type'];
  const names = Array.isArray(type) ? type : [type];
  return names.some((t) => typeof t === 'string' && types.includes(t.replace(/^https?:\/\/schema\.org\//u, '')));
}

function asString(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return asString(value[0]);
  return null;
}

/** `articleSection` may be one name or a list (several categories): parts joined like a breadcrumb. */
function asSection(value: Json | undefined): string | null {
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    return parts.length > 0 ? parts.join(' › ') : null;
  }
  return asString(value);
}
