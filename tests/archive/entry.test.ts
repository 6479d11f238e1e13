import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDate, archivePathFor, historyPathFor, toArchiveEntry, toParisDate } from '../../src/archive/entry.js';
import { toIdSegment, toSlug } from '../../src/archive/slug.js';
import { makeArticle } from './helpers.js';

const CONTEXT = { fetchedAt: '2026-11-26T10:00:00.000Z', firstSeenAt: '2026-11-20T09:00:00.000Z', aliases: [], history: [] };

describe('toParisDate', () => {
  it.each([
    ['2017-12-08', '2017-12-08'],
    ['2017-12-08T00:30:00+01:00', '2017-12-08'],
    // The same instant written in UTC: still 8 December in Beauvais.
    ['2017-12-07T23:30:00Z', '2017-12-08'],
    ['2017-12-07T23:30:00.000Z', '2017-12-08'],
    // Summer time: UTC+2.
    ['2017-06-30T22:30:00Z', '2017-07-01'],
    ['2017-06-30T21:59:59Z', '2017-06-30'],
    // Without an offset, the extractor's contract says Paris local time.
    ['2017-12-08T00:30:00', '2017-12-08'],
    ['2017-02-30', null],
    ['2017-13-01', null],
    ['8 décembre 2017', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toParisDate(input)).toBe(expected);
  });
});

describe('archiveDate', () => {
  it('files by the Paris date of publication', () => {
    const entry = toArchiveEntry(makeArticle({ publishedAt: '2017-12-08T00:30:00+01:00' }), CONTEXT);
    expect(archiveDate(entry)).toEqual({ date: '2017-12-08', firstSeen: false });
  });

  it('files an undated article by the Paris day it was first seen, and says so', () => {
    const entry = toArchiveEntry(makeArticle({ publishedAt: null, dateSource: null }), {
      ...CONTEXT,
      firstSeenAt: '2026-03-28T23:30:00.000Z',
    });
    expect(archiveDate(entry)).toEqual({ date: '2026-03-29', firstSeen: true });
    expect(entry.dateSource).toBe('first-seen');
    expect(entry.publishedAt).toBeNull();
  });

  it('does not trust an impossible publication date', () => {
    const entry = toArchiveEntry(makeArticle({ publishedAt: '2017-02-30', dateSource: 'text' }), CONTEXT);
    expect(archiveDate(entry)).toEqual({ date: '2026-11-20', firstSeen: true });
    expect(entry.dateSource).toBe('first-seen');
  });
});

describe('toArchiveEntry', () => {
  it('sorts and deduplicates aliases and leaves out the canonical URL', () => {
    const article = makeArticle();
    const entry = toArchiveEntry(article, {
      ...CONTEXT,
      aliases: ['https://b.example/2', article.url, 'https://a.example/1', 'https://b.example/2'],
    });
    expect(entry.aliases).toEqual(['https://a.example/1', 'https://b.example/2']);
  });

  it('keeps the WARC reference only when there is one', () => {
    expect('warc' in toArchiveEntry(makeArticle(), CONTEXT)).toBe(false);
    const warc = { file: 'warc/2026-11-26.warc.gz', recordId: '<urn:uuid:1>' };
    expect(toArchiveEntry(makeArticle(), { ...CONTEXT, warc }).warc).toEqual(warc);
  });
});

describe('archivePathFor', () => {
  const entry = toArchiveEntry(makeArticle(), CONTEXT);

  it('builds YYYY/MM/YYYY-MM-DD-<slug>.md', () => {
    expect(archivePathFor(entry, toSlug(entry.title))).toBe(
      '2017/12/2017-12-08-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.md',
    );
  });

  it('appends the id suffix', () => {
    expect(archivePathFor(entry, 'fete', '3750')).toBe('2017/12/2017-12-08-fete-3750.md');
  });

  it.each([['../x'], ['a/b'], [''], ['.'], ['A']])('refuses the unsafe piece %j', (piece) => {
    expect(() => archivePathFor(entry, piece)).toThrow(/unsafe/);
    expect(() => archivePathFor(entry, 'ok', piece)).toThrow(/unsafe/);
  });

  it.each([
    ['../../../etc/passwd', '../../x'],
    ['/', '/'],
    ['\0\n', 'a\0b'],
    ['..', '..'],
  ])('never leaves <out>, whatever the title %j and id %j', (title, id) => {
    const out = path.resolve('/srv/archive');
    const hostile = toArchiveEntry(makeArticle({ title, id }), CONTEXT);
    const relative = archivePathFor(hostile, toSlug(hostile.title), toIdSegment(hostile.id));
    const history = historyPathFor(hostile.id, '2026-11-26T10:00:00../../Z');
    for (const file of [relative, history]) {
      expect(path.resolve(out, file).startsWith(out + path.sep)).toBe(true);
      expect(file.split('/')).not.toContain('..');
    }
  });
});

describe('historyPathFor', () => {
  it("names the file after the previous fetch time, ':' replaced by '-'", () => {
    expect(historyPathFor('3750', '2026-11-26T10:00:00Z')).toBe('.history/3750/2026-11-26T10-00-00Z.md');
  });
});
