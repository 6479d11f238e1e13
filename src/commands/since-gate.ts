/**
 * `--since`: stop paging a listing once it only shows older articles. A listing page's "next" link
 * is held until the articles that page brought to light have been read; if every one whose date is
 * known is older than --since, the next page is dropped. Articles first seen on earlier pages (the
 * "latest news" sidebar repeats on every page) do not count, so only the listing's own items decide.
 */

interface HeldPage {
  readonly next: string;
  readonly waiting: Set<string>;
  known: number;
  older: number;
}

export interface SinceGate {
  /** A listing page was read: `articles` are the article URLs it queued for the first time. */
  onListing(next: string | null, articles: readonly string[]): void;
  /** An article URL is done; `date` is its publication date (YYYY-MM-DD…) or null if unknown. */
  onArticle(url: string, date: string | null): void;
}

/** A gate that releases next pages through `follow`. Without `since`, every next page is followed at once. */
export function createSinceGate(since: string | undefined, follow: (url: string) => void): SinceGate {
  const held = new Set<HeldPage>();
  const byArticle = new Map<string, HeldPage[]>();

  const settle = (page: HeldPage) => {
    if (page.waiting.size > 0) return;
    held.delete(page);
    // Follow unless the page showed dated articles and all of them were older.
    if (!(page.known > 0 && page.older === page.known)) follow(page.next);
  };

  return {
    onListing(next, articles) {
      if (!next) return;
      if (since === undefined || articles.length === 0) {
        follow(next);
        return;
      }
      const page: HeldPage = { next, waiting: new Set(articles), known: 0, older: 0 };
      held.add(page);
      for (const url of articles) {
        const list = byArticle.get(url);
        if (list) list.push(page);
        else byArticle.set(url, [page]);
      }
    },
    onArticle(url, date) {
      const pages = byArticle.get(url);
      if (!pages || since === undefined) return;
      byArticle.delete(url);
      for (const page of pages) {
        page.waiting.delete(url);
        if (date !== null) {
          page.known += 1;
          if (date.slice(0, 10) < since) page.older += 1;
        }
        settle(page);
      }
    },
  };
}
