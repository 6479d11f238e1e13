import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { compileQuery, indexElements, queryAll, queryFirst, queryWithin } from '../../src/extract/query.js';

const HTML = `<html><head><link rel="alternate" href="/feed"></head><body>
  <map><area id="a1" href="/area"></map>
  <div class="pagination"><ul><li><a id="a2" href="/p2">2</a></li></ul></div>
  <a id="a3" href="/x" class="pagenav">x</a><a id="a4">no href</a>
  <section class="item-page"><p id="p1" class="lead">One</p><div><p id="p2">Two</p></div></section>
</body></html>`;

const index = indexElements(load(HTML).root()[0] as AnyNode);
const ids = (elements: readonly Element[]) => elements.map((el) => el.attribs['id']);

describe('compiled queries over the element index', () => {
  it('answers like a CSS engine, in document order, across tags', () => {
    expect(ids(queryAll(index, compileQuery('a[href], area[href]')))).toEqual(['a1', 'a2', 'a3']);
    expect(ids(queryAll(index, compileQuery('[class*="pagination"] a[href], a.pagenav[href]')))).toEqual(['a2', 'a3']);
    expect(ids(queryAll(index, compileQuery('.item-page p')))).toEqual(['p1', 'p2']);
    expect(ids(queryAll(index, compileQuery('.lead, #p2')))).toEqual(['p1', 'p2']);
    expect(queryAll(index, compileQuery('link[rel~="ALTERNATE" i]'))).toHaveLength(1);
  });

  it('knows which tags a selector can match, from the last compound of each alternative', () => {
    expect(compileQuery('a[href], area[href]').tags).toEqual(new Set(['a', 'area']));
    expect(compileQuery('[class*="pagination"] a[href]').tags).toEqual(new Set(['a']));
    expect(compileQuery('div > .lead').tags).toBeNull();
    expect(compileQuery('a, .x').tags).toBeNull();
  });

  it('finds the first match, and matches under one element only', () => {
    expect(queryFirst(index, compileQuery('p'))?.attribs['id']).toBe('p1');
    expect(queryFirst(index, compileQuery('table'))).toBeUndefined();
    const section = queryFirst(index, compileQuery('section')) as Element;
    expect(ids(queryWithin(section, compileQuery('p')))).toEqual(['p1', 'p2']);
    expect(queryWithin(section, compileQuery('section'))).toEqual([]);
  });

  it('rejects an invalid selector when it is compiled, not when a page is read', () => {
    expect(() => compileQuery('a[href')).toThrow();
  });
});
