/** What the archive keeps: the news, not every page Joomla renders as an "article". */
import { articleIdFromUrl } from '../discover/urls.js';
import type { Article } from '../extract/types.js';

/**
 * An article is news when it has a Joomla id (in its canonical URL), a publication date, or was
 * listed as one (a feed entry, an id-bearing link). A Joomla page with neither ("Horaires", "Le
 * maire", "Mentions légales") is an article to Joomla but not news: followed, not archived.
 */
export function isNews(article: Article, listedAsArticle: boolean): boolean {
  return listedAsArticle || articleIdFromUrl(article.url) !== null || article.publishedAt !== null;
}
