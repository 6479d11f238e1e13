import { describe, expect, it } from 'vitest';
import { createSinceGate } from '../../src/commands/since-gate.js';

describe('createSinceGate', () => {
  it('follows every next page at once without --since', () => {
    const followed: string[] = [];
    const gate = createSinceGate(undefined, (url) => followed.push(url));
    gate.onListing('/p2', ['/a1', '/a2']);
    expect(followed).toEqual(['/p2']);
  });

  it('drops the next page when every dated article of the page is older than --since', () => {
    const followed: string[] = [];
    const gate = createSinceGate('2018-01-01', (url) => followed.push(url));
    gate.onListing('/p3', ['/a1', '/a2']);
    gate.onArticle('/a1', '2017-12-08');
    expect(followed).toEqual([]);
    gate.onArticle('/a2', '2017-11-30T10:00:00+01:00');
    expect(followed).toEqual([]);
  });

  it('follows the next page once one article is recent enough', () => {
    const followed: string[] = [];
    const gate = createSinceGate('2018-01-01', (url) => followed.push(url));
    gate.onListing('/p2', ['/a1', '/a2']);
    gate.onArticle('/a1', '2017-12-08');
    gate.onArticle('/a2', '2018-01-01');
    expect(followed).toEqual(['/p2']);
  });

  it('keeps paging when no date is known (never drops pages on a guess)', () => {
    const followed: string[] = [];
    const gate = createSinceGate('2018-01-01', (url) => followed.push(url));
    gate.onListing('/p2', ['/a1']);
    gate.onArticle('/a1', null);
    expect(followed).toEqual(['/p2']);
  });

  it('follows a page that brought no new article', () => {
    const followed: string[] = [];
    createSinceGate('2018-01-01', (url) => followed.push(url)).onListing('/p2', []);
    expect(followed).toEqual(['/p2']);
  });
});
